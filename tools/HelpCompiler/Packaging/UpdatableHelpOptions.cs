namespace SecretsManager.HelpCompiler.Packaging;

/// <summary>What the updatable help files are named after and where Update-Help is told to fetch them.</summary>
public sealed class UpdatableHelpOptions
{
    public string OutputDirectory { get; set; } = "";

    public string ModuleName { get; set; } = "";

    public Guid ModuleGuid { get; set; }

    /// <summary>The module version; the culture version in HelpInfo.xml.</summary>
    public string Version { get; set; } = "";

    public string Culture { get; set; } = "en-US";

    /// <summary>The folder Update-Help downloads the content from: the module's HelpInfoURI.</summary>
    public string HelpContentUri { get; set; } = "";
}
