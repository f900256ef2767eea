namespace SecretsManager.HelpCompiler.Pages;

/// <summary>A cmdlet page in platyPS's schema, read into its parts, with the source kept for rewriting.</summary>
public sealed class HelpPage
{
    /// <summary>The path shown in findings.</summary>
    public string DisplayPath { get; init; } = "";

    public string Source { get; init; } = "";

    public FrontMatter Header { get; set; } = new();

    /// <summary>The <c>#</c> heading: the cmdlet name.</summary>
    public string? Title { get; set; }

    public int TitleLine { get; set; } = 1;

    public Dictionary<string, PageSection> Sections { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string Synopsis { get; set; } = "";

    public List<SyntaxEntry> Syntax { get; } = new();

    public List<string> Description { get; } = new();

    public List<ExampleEntry> Examples { get; } = new();

    public List<ParameterEntry> Parameters { get; } = new();

    public bool HasCommonParameters { get; set; }

    public List<TypeEntry> Inputs { get; } = new();

    public List<TypeEntry> Outputs { get; } = new();

    public List<string> Notes { get; } = new();

    public List<RelatedLink> RelatedLinks { get; } = new();

    public PageSection? Section(string title) => Sections.TryGetValue(title, out var s) ? s : null;

    public ParameterEntry? FindParameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The online version URL from the header, the first related link in MAML.</summary>
    public string? OnlineVersion => Header.Get("online version")?.Value;
}
