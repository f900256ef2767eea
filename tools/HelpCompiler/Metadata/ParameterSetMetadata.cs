namespace SecretsManager.HelpCompiler.Metadata;

/// <summary>One parameter set and, in PowerShell's order, how each parameter takes part in it.</summary>
public sealed class ParameterSetMetadata
{
    public string Name { get; set; } = "";

    public bool IsDefault { get; set; }

    public List<ParameterSetMembership> Parameters { get; set; } = new();
}
