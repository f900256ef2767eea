namespace SecretsManager.HelpCompiler.Metadata;

/// <summary>What the built module really exports: the truth the pages are checked against.</summary>
public sealed class ModuleMetadata
{
    public string ModuleName { get; set; } = "SecretsManager";

    /// <summary>Cmdlet names listed in the manifest's CmdletsToExport, so a listed-but-unimplemented cmdlet is named.</summary>
    public List<string> ManifestCmdlets { get; set; } = new();

    public List<CommandMetadata> Commands { get; set; } = new();

    public CommandMetadata? Find(string name) =>
        Commands.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
