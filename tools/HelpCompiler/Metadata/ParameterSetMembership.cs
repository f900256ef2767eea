namespace SecretsManager.HelpCompiler.Metadata;

/// <summary>How one parameter behaves within one parameter set.</summary>
public sealed class ParameterSetMembership
{
    public string Name { get; set; } = "";

    public bool Mandatory { get; set; }

    /// <summary>Null for a named parameter.</summary>
    public int? Position { get; set; }

    public bool ValueFromPipeline { get; set; }

    public bool ValueFromPipelineByPropertyName { get; set; }
}
