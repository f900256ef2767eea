using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SecretsManager.HelpCompiler.Pages;

/// <summary>Turns Markdig blocks into the plain paragraphs that MAML and about topics hold (Get-Help shows no markdown).</summary>
public static class MarkdownText
{
    /// <summary>Plain text of inlines: emphasis and code marks dropped, absolute links kept as "text (url)".</summary>
    public static string Inline(ContainerInline? container)
    {
        if (container is null) return "";
        var sb = new StringBuilder();
        for (var child = container.FirstChild; child is not null; child = child.NextSibling) AppendInline(sb, child);
        return sb.ToString();
    }

    private static void AppendInline(StringBuilder sb, Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                sb.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                sb.Append(code.Content);
                break;
            case AutolinkInline auto:
                sb.Append(auto.Url);
                break;
            case LineBreakInline lineBreak:
                sb.Append(lineBreak.IsHard ? "\n" : " ");
                break;
            case HtmlEntityInline entity:
                sb.Append(entity.Transcoded.ToString());
                break;
            case HtmlInline:
                break; // comments and tags carry nothing a reader of Get-Help needs
            case LinkInline link:
                var text = Inline(link);
                sb.Append(text);
                if (!link.IsImage && IsAbsoluteUrl(link.Url) && !string.Equals(text, link.Url, StringComparison.Ordinal))
                    sb.Append(" (").Append(link.Url).Append(')');
                break;
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling) AppendInline(sb, child);
                break;
        }
    }

    public static bool IsAbsoluteUrl(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https");

    /// <summary>One string per paragraph, list item, code block or table row, in order.</summary>
    public static List<string> Paragraphs(IEnumerable<Block> blocks)
    {
        var result = new List<string>();
        foreach (var block in blocks) AppendBlock(result, block, "");
        return result;
    }

    private static void AppendBlock(List<string> result, Block block, string prefix)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                result.Add(prefix + Inline(paragraph.Inline).Trim());
                break;
            case HeadingBlock heading:
                result.Add(prefix + Inline(heading.Inline).Trim());
                break;
            case HtmlBlock:
                break;
            case FencedCodeBlock or CodeBlock:
                var code = ((LeafBlock)block).Lines.ToString().TrimEnd();
                result.Add(string.Join("\n", code.Split('\n').Select(l => "    " + l.TrimEnd('\r'))));
                break;
            case Table table:
                foreach (var row in table.OfType<TableRow>())
                {
                    var cells = row.OfType<TableCell>().Select(c => string.Join(" ", Paragraphs(c)).Trim());
                    result.Add(prefix + string.Join(" | ", cells));
                }
                break;
            case ListBlock list:
                var number = 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var marker = list.IsOrdered ? $"{number++}. " : "- ";
                    var parts = Paragraphs(item);
                    result.Add(prefix + marker + string.Join(" ", parts));
                }
                break;
            case ContainerBlock container:
                foreach (var child in container) AppendBlock(result, child, prefix);
                break;
        }
    }

    /// <summary>Every link in the blocks (also inside lists), with its 1-based line.</summary>
    public static IEnumerable<RelatedLink> Links(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            foreach (var leaf in block.Descendants<LeafBlock>().Prepend(block as LeafBlock))
            {
                if (leaf?.Inline is null) continue;
                foreach (var link in leaf.Inline.Descendants<LinkInline>())
                {
                    if (link.IsImage) continue;
                    yield return new RelatedLink(Inline(link).Trim(), link.Url ?? "", link.Line + 1);
                }
                foreach (var auto in leaf.Inline.Descendants<AutolinkInline>())
                    yield return new RelatedLink(auto.Url, auto.Url, auto.Line + 1);
            }
        }
    }
}
