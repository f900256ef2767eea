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

    /// <summary>
    /// Reports every rendered line wider than <see cref="Width"/> (code is never wrapped, and a word longer than a
    /// line stays whole), at the source line that holds its text where one does.
    /// </summary>
    public static void CheckWidth(string source, string rendered, DiagnosticBag d)
    {
        var sourceLines = source.Replace("\r\n", "\n").Split('\n');
        foreach (var line in rendered.Split('\n').Where(l => l.Length > Width))
        {
            var text = line.Trim();
            var at = Array.FindIndex(sourceLines, l => l.Contains(text, StringComparison.Ordinal));
            var shown = text.Length > 60 ? text[..60] + "..." : text;
            d.Error(at + 1, $"this renders as a line of {line.Length} characters, more than the {Width} a console shows: '{shown}' (break the code line, or shorten the word)");
        }
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

    /// <summary>
    /// A table that fits in <see cref="Width"/> columns is drawn as one. A wider one keeps as many leading columns
    /// as fit (at least the first) as the table, and writes each row's other cells beneath it as wrapped
    /// "Header: text" lines, so long causes and descriptions stay readable in an 80-column console.
    /// </summary>
    private static void AppendTable(StringBuilder sb, Table table, string pad)
    {
        var rows = table.OfType<TableRow>()
            .Select(r => r.OfType<TableCell>().Select(c => string.Join(" ", MarkdownText.Paragraphs(c)).Trim()).ToList())
            .ToList();
        var hasHeader = rows.Count > 0 && ((TableRow)table[0]).IsHeader;
        var columns = rows.Max(r => r.Count);
        string Cell(int row, int column) => column < rows[row].Count ? rows[row][column] : "";
        var widths = Enumerable.Range(0, columns).Select(i => Enumerable.Range(0, rows.Count).Max(r => Cell(r, i).Length)).ToArray();
        var kept = 0;
        for (var used = pad.Length; kept < columns && used + widths[kept] <= Width; kept++) used += widths[kept] + 2;
        kept = Math.Max(1, kept);
        var below = pad + "    ";
        for (var r = 0; r < rows.Count; r++)
        {
            if (kept == 1 && Cell(r, 0).Length + pad.Length > Width) Wrap(sb, Cell(r, 0), pad, pad);
            else sb.Append(pad).Append(string.Join("  ", Enumerable.Range(0, kept).Select(i => Cell(r, i).PadRight(widths[i]))).TrimEnd()).Append('\n');
            if (r == 0 && hasHeader)
            {
                sb.Append(pad).Append(string.Join("  ", widths.Take(kept).Select(w => new string('-', Math.Min(w, Width - pad.Length))))).Append('\n');
                continue;
            }
            var rest = Enumerable.Range(kept, columns - kept).Where(i => Cell(r, i).Length > 0).ToList();
            foreach (var i in rest)
            {
                var label = hasHeader && Cell(0, i).Length > 0 ? Cell(0, i) + ": " : "";
                Wrap(sb, label + Cell(r, i), below, below);
            }
            // A blank line after a row with text beneath it, so each row reads as one entry.
            if (rest.Count > 0 && r < rows.Count - 1) sb.Append('\n');
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
