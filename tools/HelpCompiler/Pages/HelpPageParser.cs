using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace SecretsManager.HelpCompiler.Pages;

/// <summary>
/// Reads a cmdlet page in platyPS's schema and reports what is structurally wrong with it (header, sections,
/// examples, metadata blocks). Whether it agrees with the code is <see cref="Checking.PageValidator"/>'s job.
/// </summary>
public static class HelpPageParser
{
    /// <summary>The sections of a platyPS cmdlet page, in the order the schema requires.</summary>
    public static readonly string[] SectionOrder =
    {
        "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS",
    };

    private static readonly Regex ExampleTitle = new(@"^Example\s+\d+\s*:\s*\S", RegexOptions.CultureInvariant);

    public static HelpPage Parse(string source, string displayPath, DiagnosticBag diagnostics)
    {
        source = source.Replace("\r\n", "\n");
        var lines = source.Split('\n');
        var header = FrontMatterParser.Parse(lines, diagnostics);
        var outline = MarkdownOutline.Parse(source, header.IsPresent ? header.EndLine : 0);
        var page = new HelpPage { DisplayPath = displayPath, Source = source, Header = header, Title = outline.Title, TitleLine = outline.TitleLine };

        if (outline.Title is null) diagnostics.Error(header.EndLine + 1, "the page has no '# <cmdlet name>' title");
        foreach (var (text, line, level) in outline.OtherHeadings)
        {
            if (level <= 3) diagnostics.Error(line, $"unexpected heading '{new string('#', level)} {text}' outside the platyPS sections");
        }

        var lastIndex = -1;
        foreach (var section in outline.Sections)
        {
            var index = Array.FindIndex(SectionOrder, s => string.Equals(s, section.Title, StringComparison.Ordinal));
            if (index < 0)
            {
                diagnostics.Error(section.Line, $"unknown section '## {section.Title}'; a cmdlet page has {string.Join(", ", SectionOrder)}");
                continue;
            }
            if (!page.Sections.TryAdd(section.Title, section))
            {
                diagnostics.Error(section.Line, $"section '## {section.Title}' appears twice");
                continue;
            }
            if (index < lastIndex) diagnostics.Error(section.Line, $"section '## {section.Title}' is out of order; the schema order is {string.Join(", ", SectionOrder)}");
            lastIndex = Math.Max(lastIndex, index);
        }
        foreach (var required in SectionOrder)
        {
            if (!page.Sections.ContainsKey(required)) diagnostics.Error(page.TitleLine, $"the page has no '## {required}' section");
        }

        if (page.Section("SYNOPSIS") is { } synopsis) page.Synopsis = string.Join(" ", MarkdownText.Paragraphs(synopsis.Body)).Trim();
        if (page.Section("SYNTAX") is { } syntax) ReadSyntax(page, syntax, diagnostics);
        if (page.Section("DESCRIPTION") is { } description) page.Description.AddRange(MarkdownText.Paragraphs(description.Body));
        if (page.Section("EXAMPLES") is { } examples) ReadExamples(page, examples, diagnostics);
        if (page.Section("PARAMETERS") is { } parameters) ReadParameters(page, parameters, diagnostics);
        if (page.Section("INPUTS") is { } inputs) page.Inputs.AddRange(ReadTypes(inputs));
        if (page.Section("OUTPUTS") is { } outputs) page.Outputs.AddRange(ReadTypes(outputs));
        if (page.Section("NOTES") is { } notes) page.Notes.AddRange(MarkdownText.Paragraphs(notes.Body.Concat(notes.Subsections.SelectMany(s => s.Body))));
        if (page.Section("RELATED LINKS") is { } links) page.RelatedLinks.AddRange(MarkdownText.Links(links.Body));
        return page;
    }

    private static void ReadSyntax(HelpPage page, PageSection section, DiagnosticBag diagnostics)
    {
        foreach (var sub in section.Subsections)
        {
            var title = sub.Title.Trim();
            var isDefault = title.EndsWith("(Default)", StringComparison.OrdinalIgnoreCase);
            var setName = isDefault ? title[..^"(Default)".Length].Trim() : title;
            var code = sub.Body.OfType<FencedCodeBlock>().FirstOrDefault();
            if (code is null)
            {
                diagnostics.Error(sub.Line, $"syntax '{title}' has no code block with the syntax line");
                page.Syntax.Add(new SyntaxEntry(setName, isDefault, sub.Line, null, sub.Line));
                continue;
            }
            page.Syntax.Add(new SyntaxEntry(setName, isDefault, sub.Line, code.Lines.ToString().Trim(), code.Line + 2));
        }
    }

    private static void ReadExamples(HelpPage page, PageSection section, DiagnosticBag diagnostics)
    {
        foreach (var sub in section.Subsections)
        {
            if (!ExampleTitle.IsMatch(sub.Title)) diagnostics.Error(sub.Line, $"example heading '### {sub.Title}' must read '### Example N: <what it shows>'");
            var example = new ExampleEntry { Title = sub.Title, Line = sub.Line };
            FencedCodeBlock? code = null;
            var after = new List<Block>();
            foreach (var block in sub.Body)
            {
                if (code is null && block is FencedCodeBlock fenced && IsPowerShell(fenced.Info))
                {
                    code = fenced;
                    example.Code = fenced.Lines.ToString().TrimEnd();
                    example.CodeLine = fenced.Line + 2;
                    continue;
                }
                if (block is HtmlBlock html && ExampleMarker.TryRead(html.Lines.ToString(), out var marker))
                {
                    if (code is not null) diagnostics.Error(html.Line + 1, $"the '{marker.Kind}:' comment must come before the example's code block");
                    else if (marker.Kind == "setup") example.Setup = marker.Text;
                    else if (string.IsNullOrWhiteSpace(marker.Text)) diagnostics.Error(html.Line + 1, "a 'skip:' comment must say why the example cannot run against SecretsManager.Local");
                    else example.SkipReason = marker.Text;
                    continue;
                }
                if (block is FencedCodeBlock other && IsPowerShell(other.Info))
                    diagnostics.Error(other.Line + 1, $"example '{sub.Title}' has a second powershell code block; put one example per heading");
                if (code is null) example.Introduction.AddRange(MarkdownText.Paragraphs(new[] { block }));
                else after.Add(block);
            }
            if (code is null) diagnostics.Error(sub.Line, $"example '{sub.Title}' has no ```powershell code block");
            else if (string.IsNullOrWhiteSpace(example.Code)) diagnostics.Error(code.Line + 1, $"example '{sub.Title}' has an empty code block");
            example.Remarks.AddRange(MarkdownText.Paragraphs(after));
            page.Examples.Add(example);
        }
    }

    private static bool IsPowerShell(string? info) =>
        string.Equals(info?.Trim(), "powershell", StringComparison.OrdinalIgnoreCase) ||
        string.Equals(info?.Trim(), "pwsh", StringComparison.OrdinalIgnoreCase);

    private static void ReadParameters(HelpPage page, PageSection section, DiagnosticBag diagnostics)
    {
        foreach (var sub in section.Subsections)
        {
            var title = sub.Title.Trim();
            if (string.Equals(title, "CommonParameters", StringComparison.OrdinalIgnoreCase))
            {
                page.HasCommonParameters = true;
                continue;
            }
            if (!title.StartsWith('-') || title.Length < 2 || title.Contains(' '))
            {
                diagnostics.Error(sub.Line, $"parameter heading '### {title}' must read '### -<ParameterName>'");
                continue;
            }
            var entry = new ParameterEntry { Name = title[1..], Line = sub.Line, Subsection = sub };
            if (page.FindParameter(entry.Name) is not null) diagnostics.Error(sub.Line, $"parameter -{entry.Name} is documented twice");
            var prose = new List<Block>();
            foreach (var block in sub.Body)
            {
                if (block is FencedCodeBlock fenced && string.Equals(fenced.Info?.Trim(), "yaml", StringComparison.OrdinalIgnoreCase))
                    entry.Blocks.Add(ReadMetadataBlock(page.Source, fenced, entry.Name, diagnostics));
                else prose.Add(block);
            }
            entry.Description.AddRange(MarkdownText.Paragraphs(prose));
            if (entry.Blocks.Count == 0) diagnostics.Error(sub.Line, $"parameter -{entry.Name} has no ```yaml metadata block");
            page.Parameters.Add(entry);
        }
    }

    private static MetadataBlock ReadMetadataBlock(string source, FencedCodeBlock fenced, string parameter, DiagnosticBag diagnostics)
    {
        var block = new MetadataBlock
        {
            Line = fenced.Line + 1,
            Start = fenced.Span.Start,
            End = MarkdownOutline.LineEnd(source, fenced.Span.End),
        };
        var lines = fenced.Lines.ToString().Replace("\r", "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            var lineNumber = fenced.Line + 2 + i;
            if (text.Length == 0) continue;
            var colon = text.IndexOf(':');
            if (colon <= 0)
            {
                diagnostics.Error(lineNumber, $"parameter -{parameter}: metadata line '{text}' is not 'Key: value'");
                continue;
            }
            block.Fields.Add(new MetadataField(text[..colon].Trim(), text[(colon + 1)..].Trim(), lineNumber));
        }
        return block;
    }

    private static IEnumerable<TypeEntry> ReadTypes(PageSection section)
    {
        foreach (var sub in section.Subsections)
            yield return new TypeEntry(sub.Title.Trim(), sub.Line, MarkdownText.Paragraphs(sub.Body));
    }
}
