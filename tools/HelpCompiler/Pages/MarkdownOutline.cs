using Markdig;
using Markdig.Syntax;

namespace SecretsManager.HelpCompiler.Pages;

/// <summary>Splits a parsed document into its <c>#</c> title, <c>##</c> sections and <c>###</c> subsections.</summary>
public sealed class MarkdownOutline
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UsePreciseSourceLocation()
        .Build();

    public string? Title { get; private set; }

    public int TitleLine { get; private set; } = 1;

    /// <summary>Blocks between the title and the first section (platyPS pages have none).</summary>
    public List<Block> Preamble { get; } = new();

    public List<PageSection> Sections { get; } = new();

    /// <summary>Headings deeper than the outline knows, reported by the caller.</summary>
    public List<(string Text, int Line, int Level)> OtherHeadings { get; } = new();

    /// <summary>Parses markdown, ignoring blocks that lie inside the header (lines 1..headerEndLine).</summary>
    public static MarkdownOutline Parse(string source, int headerEndLine)
    {
        var document = Markdown.Parse(source, Pipeline);
        var outline = new MarkdownOutline();
        PageSection? section = null;
        PageSubsection? subsection = null;
        foreach (var block in document)
        {
            if (block.Line + 1 <= headerEndLine) continue;
            if (block is Markdig.Extensions.Yaml.YamlFrontMatterBlock) continue;
            if (block is HeadingBlock heading)
            {
                var text = MarkdownText.Inline(heading.Inline).Trim();
                var line = heading.Line + 1;
                var bodyStart = LineEnd(source, heading.Span.End);
                switch (heading.Level)
                {
                    case 1:
                        if (outline.Title is null)
                        {
                            outline.Title = text;
                            outline.TitleLine = line;
                        }
                        else outline.OtherHeadings.Add((text, line, 1));
                        continue;
                    case 2:
                        if (subsection is not null) subsection.End = heading.Span.Start;
                        if (section is not null) section.End = heading.Span.Start;
                        subsection = null;
                        section = new PageSection { Title = text, Line = line, Start = heading.Span.Start, BodyStart = bodyStart, End = source.Length };
                        outline.Sections.Add(section);
                        continue;
                    case 3 when section is not null:
                        if (subsection is not null) subsection.End = heading.Span.Start;
                        subsection = new PageSubsection { Title = text, Line = line, Start = heading.Span.Start, BodyStart = bodyStart, End = section.End };
                        section.Subsections.Add(subsection);
                        continue;
                    default:
                        outline.OtherHeadings.Add((text, line, heading.Level));
                        break; // a deeper heading is kept as body text
                }
            }
            if (subsection is not null) subsection.Body.Add(block);
            else if (section is not null) section.Body.Add(block);
            else outline.Preamble.Add(block);
        }
        if (subsection is not null) subsection.End = section!.End;
        return outline;
    }

    /// <summary>Offset just after the line that contains <paramref name="offset"/>.</summary>
    public static int LineEnd(string source, int offset)
    {
        var newline = source.IndexOf('\n', Math.Min(offset, source.Length));
        return newline < 0 ? source.Length : newline + 1;
    }
}
