using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using SecretsManager.HelpCompiler.Pages;

namespace SecretsManager.HelpCompiler.Output;

/// <summary>
/// Turns an about_ page (<c># about_X</c>, <c>## SHORT DESCRIPTION</c>, <c>## LONG DESCRIPTION</c>, more <c>##</c>
/// sections) into the plain-text about_X.help.txt that Get-Help shows: upper-case section titles, text indented and
/// wrapped at 80 columns, code indented and never wrapped.
/// </summary>
public static class AboutTopicWriter
{
    public const int Width = 80;

    public static readonly string[] RequiredSections = { "SHORT DESCRIPTION", "LONG DESCRIPTION" };

    /// <summary>Checks the page's shape; returns the outline to render.</summary>
    public static MarkdownOutline Read(string source, string expectedName, DiagnosticBag d)
    {
        source = source.Replace("\r\n", "\n");
        var lines = source.Split('\n');
        var headerEnd = 0;
        if (lines.Length > 0 && lines[0].TrimEnd() == "---") headerEnd = FrontMatterParser.Parse(lines, d).EndLine;
        var outline = MarkdownOutline.Parse(source, headerEnd);
        if (outline.Title is null) d.Error(headerEnd + 1, $"the about page has no '# {expectedName}' title");
        else if (!string.Equals(outline.Title, expectedName, StringComparison.Ordinal))
            d.Error(outline.TitleLine, $"the title '# {outline.Title}' does not match the file name {expectedName}");
        foreach (var required in RequiredSections)
        {
            if (outline.Sections.All(s => !string.Equals(s.Title, required, StringComparison.OrdinalIgnoreCase)))
                d.Error(outline.TitleLine, $"the about page has no '## {required}' section");
        }
        foreach (var section in outline.Sections.Where(s => Checking.Placeholder.IsMissing(MarkdownText.Paragraphs(s.Body.Concat(s.Subsections.SelectMany(x => x.Body))))))
            d.Error(section.Line, $"section '## {section.Title}' is empty or still a TODO stub");
        return outline;
    }

    public static string Render(MarkdownOutline outline)
    {
        var sb = new StringBuilder();
        sb.Append("TOPIC\n    ").Append(outline.Title).Append("\n\n");
        foreach (var section in outline.Sections)
        {
            var text = new StringBuilder();
            text.Append(section.Title.ToUpperInvariant()).Append('\n');
            foreach (var block in section.Body) AppendBlock(text, block, 4);
            foreach (var sub in section.Subsections)
            {
                text.Append("    ").Append(sub.Title.ToUpperInvariant()).Append('\n');
                foreach (var block in sub.Body) AppendBlock(text, block, 8);
            }
            // Exactly one blank line between sections, however the last block ended.
            sb.Append(text.ToString().TrimEnd('\n')).Append("\n\n");
        }
        return sb.ToString().TrimEnd('\n') + "\n";
    }

    private static void AppendBlock(StringBuilder sb, Block block, int indent)
    {
        var pad = new string(' ', indent);
        switch (block)
        {
            case HtmlBlock:
                return;
            case FencedCodeBlock or CodeBlock:
                foreach (var line in ((LeafBlock)block).Lines.ToString().TrimEnd().Split('\n'))
                    sb.Append(pad).Append("    ").Append(line.TrimEnd('\r')).Append('\n');
                sb.Append('\n');
                return;
            case Table table:
                AppendTable(sb, table, pad);
                return;
            case ListBlock list:
                var number = 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var marker = list.IsOrdered ? $"{number++}. " : "- ";
                    var text = string.Join(" ", MarkdownText.Paragraphs(item));
                    Wrap(sb, text, pad + marker, pad + new string(' ', marker.Length));
                }
                sb.Append('\n');
                return;
            case HeadingBlock heading:
                sb.Append(pad).Append(MarkdownText.Inline(heading.Inline).Trim()).Append('\n');
                return;
            default:
                foreach (var para in MarkdownText.Paragraphs(new[] { block })) Wrap(sb, para, pad, pad);
                sb.Append('\n');
                return;
        }
    }

    private static void AppendTable(StringBuilder sb, Table table, string pad)
    {
        var rows = table.OfType<TableRow>()
            .Select(r => r.OfType<TableCell>().Select(c => string.Join(" ", MarkdownText.Paragraphs(c)).Trim()).ToList())
            .ToList();
        var columns = rows.Max(r => r.Count);
        var widths = Enumerable.Range(0, columns).Select(i => rows.Max(r => i < r.Count ? r[i].Length : 0)).ToArray();
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = Enumerable.Range(0, columns).Select(i => (i < rows[r].Count ? rows[r][i] : "").PadRight(widths[i]));
            sb.Append(pad).Append(string.Join("  ", cells).TrimEnd()).Append('\n');
            if (r == 0 && ((TableRow)table[0]).IsHeader)
                sb.Append(pad).Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        }
        sb.Append('\n');
    }

    /// <summary>Greedy word wrap; a word longer than the line stays whole.</summary>
    private static void Wrap(StringBuilder sb, string text, string firstPrefix, string prefix)
    {
        foreach (var hardLine in text.Split('\n'))
        {
            var line = new StringBuilder(firstPrefix);
            var empty = true;
            foreach (var word in hardLine.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!empty && line.Length + 1 + word.Length > Width)
                {
                    sb.Append(line.ToString().TrimEnd()).Append('\n');
                    line.Clear().Append(prefix);
                    empty = true;
                }
                if (!empty) line.Append(' ');
                line.Append(word);
                empty = false;
            }
            sb.Append(line.ToString().TrimEnd()).Append('\n');
            firstPrefix = prefix;
        }
    }
}
