namespace SecretsManager.HelpCompiler.Pages;

/// <summary>
/// An HTML comment that steers the example tests without showing in help:
/// <c>&lt;!-- setup: code --&gt;</c> runs before the example, <c>&lt;!-- skip: reason --&gt;</c> marks it as not runnable locally.
/// </summary>
public sealed record ExampleMarker(string Kind, string Text)
{
    public static bool TryRead(string html, out ExampleMarker marker)
    {
        marker = new ExampleMarker("", "");
        var text = html.Trim();
        if (!text.StartsWith("<!--", StringComparison.Ordinal) || !text.EndsWith("-->", StringComparison.Ordinal)) return false;
        text = text[4..^3].Trim();
        foreach (var kind in new[] { "setup", "skip" })
        {
            if (text.StartsWith(kind + ":", StringComparison.OrdinalIgnoreCase))
            {
                marker = new ExampleMarker(kind, text[(kind.Length + 1)..].Trim());
                return true;
            }
        }
        return false;
    }
}
