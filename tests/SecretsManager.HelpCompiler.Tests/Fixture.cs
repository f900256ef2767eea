using SecretsManager.HelpCompiler;
using SecretsManager.HelpCompiler.Checking;
using SecretsManager.HelpCompiler.Metadata;
using SecretsManager.HelpCompiler.Pages;

namespace SecretsManager.HelpCompiler.Tests;

/// <summary>Loads the fixture page and metadata, and runs parse + check on (edited) page text.</summary>
internal static class Fixture
{
    public const string PageFile = "docs/en-US/Get-SmSecretValue.md";

    public static string Dir => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string ValidPage => File.ReadAllText(Path.Combine(Dir, "Get-SmSecretValue.md")).Replace("\r\n", "\n");

    public static ModuleMetadata Module => MetadataReader.Read(Path.Combine(Dir, "metadata.json"));

    public static CommandMetadata Command => Module.Find("Get-SmSecretValue")!;

    public static (HelpPage Page, IReadOnlyList<Diagnostic> Diagnostics) Check(string text) => Check(text, Command);

    /// <summary>Checks against a (modified) copy of the fixture metadata.</summary>
    public static (HelpPage Page, IReadOnlyList<Diagnostic> Diagnostics) Check(string text, CommandMetadata command)
    {
        var d = new DiagnosticBag(PageFile);
        var page = HelpPageParser.Parse(text, PageFile, d);
        PageValidator.Validate(page, command, d);
        return (page, d.Items);
    }

    /// <summary>1-based line of the first line that contains <paramref name="fragment"/>.</summary>
    public static int LineOf(string text, string fragment)
    {
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(fragment, StringComparison.Ordinal));
        if (index < 0) throw new ArgumentException($"'{fragment}' is not in the text");
        return index + 1;
    }

    /// <summary>Replaces exactly one occurrence, so a fixture edit that misses fails loudly.</summary>
    public static string ReplaceOnce(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(from, at + 1, StringComparison.Ordinal) >= 0) throw new ArgumentException($"'{from}' must occur exactly once");
        return text[..at] + to + text[(at + from.Length)..];
    }

    /// <summary>Removes a parameter's whole ### section.</summary>
    public static string RemoveParameter(string text, string name)
    {
        var start = text.IndexOf($"### -{name}\n", StringComparison.Ordinal);
        var end = text.IndexOf("\n### ", start + 1, StringComparison.Ordinal) + 1;
        return text[..start] + text[end..];
    }
}
