namespace SecretsManager.HelpCompiler.Pages;

/// <summary>A documented parameter: its prose and its metadata blocks.</summary>
public sealed class ParameterEntry
{
    public string Name { get; init; } = "";

    public int Line { get; init; }

    public List<string> Description { get; } = new();

    public List<MetadataBlock> Blocks { get; } = new();

    /// <summary>The subsection it came from, kept for rewriting.</summary>
    public PageSubsection Subsection { get; init; } = new();
}
