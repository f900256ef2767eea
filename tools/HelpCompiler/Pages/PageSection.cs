using Markdig.Syntax;

namespace SecretsManager.HelpCompiler.Pages;

/// <summary>A <c>##</c> section of a page: its own blocks and its <c>###</c> subsections, with source offsets for rewriting.</summary>
public sealed class PageSection
{
    public string Title { get; init; } = "";

    /// <summary>1-based line of the heading.</summary>
    public int Line { get; init; }

    /// <summary>Offset of the heading's first character.</summary>
    public int Start { get; init; }

    /// <summary>Offset just after the heading line.</summary>
    public int BodyStart { get; init; }

    /// <summary>Offset where the next section (or the file) starts.</summary>
    public int End { get; set; }

    /// <summary>Blocks before the first subsection.</summary>
    public List<Block> Body { get; } = new();

    public List<PageSubsection> Subsections { get; } = new();
}

/// <summary>A <c>###</c> subsection: a syntax set, an example, a parameter, an input or output type.</summary>
public sealed class PageSubsection
{
    public string Title { get; init; } = "";

    public int Line { get; init; }

    public int Start { get; init; }

    public int BodyStart { get; init; }

    public int End { get; set; }

    public List<Block> Body { get; } = new();
}
