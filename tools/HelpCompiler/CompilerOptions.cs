namespace SecretsManager.HelpCompiler;

/// <summary>What to compile and where to put it; built from the command line by <see cref="Program"/>.</summary>
public sealed class CompilerOptions
{
    /// <summary>Repository root; file paths in findings are shown relative to it.</summary>
    public string Root { get; set; } = Directory.GetCurrentDirectory();

    public string DocsDirectory { get; set; } = "";

    /// <summary>JSON written by Export-CommandMetadata.ps1 from the built module.</summary>
    public string MetadataPath { get; set; } = "";

    /// <summary>Where SecretsManager.dll-Help.xml and the about_*.help.txt files go (out/SecretsManager/en-US).</summary>
    public string OutputDirectory { get; set; } = "";

    /// <summary>Optional JSON list of all examples for the example tests.</summary>
    public string? ExamplesPath { get; set; }

    /// <summary>When set, also write the updatable help files (HelpInfo.xml, HelpContent.zip and .cab).</summary>
    public Packaging.UpdatableHelpOptions? UpdatableHelp { get; set; }

    /// <summary>Rewrite the metadata blocks of the pages from the code before checking them.</summary>
    public bool Update { get; set; }

    /// <summary>MAML file name; Get-Help looks for &lt;assembly&gt;-Help.xml beside the module's dll.</summary>
    public string MamlFileName { get; set; } = "SecretsManager.dll-Help.xml";

    /// <summary>Online version URL for new pages; {0} is the cmdlet name.</summary>
    public string OnlineVersionFormat { get; set; } = "https://github.com/secretsmanager-ps/SecretsManager/blob/main/docs/en-US/{0}.md";
}
