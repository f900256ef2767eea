namespace SecretsManager.HelpCompiler.Pages;

/// <summary>
/// Reads a page's header. platyPS headers are flat <c>key: value</c> lines, so a tiny parser that names the bad line
/// is clearer than a YAML library's error.
/// </summary>
public static class FrontMatterParser
{
    public static FrontMatter Parse(string[] lines, DiagnosticBag diagnostics)
    {
        var header = new FrontMatter();
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            diagnostics.Error(1, "the page must start with a YAML header ('---' on the first line)");
            return header;
        }
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line == "---")
            {
                header.IsPresent = true;
                header.EndLine = i + 1;
                return header;
            }
            if (line.Length == 0) continue;
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                diagnostics.Error(i + 1, $"header line '{line}' is not 'key: value'");
                continue;
            }
            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (header.Get(key) is not null) diagnostics.Error(i + 1, $"header key '{key}' appears twice");
            header.Add(new FrontMatterField(key, value, i + 1));
        }
        diagnostics.Error(1, "the YAML header is not closed: no '---' line after the opening one");
        return header;
    }
}
