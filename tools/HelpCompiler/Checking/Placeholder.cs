namespace SecretsManager.HelpCompiler.Checking;

/// <summary>Recognises text that was generated as a stub and never written (our TODO stubs and platyPS's {{ ... }}).</summary>
public static class Placeholder
{
    public const string Marker = "TODO";

    public static bool IsMissing(string? text) =>
        string.IsNullOrWhiteSpace(text) || text.Contains(Marker, StringComparison.Ordinal) || text.Contains("{{", StringComparison.Ordinal);

    public static bool IsMissing(IReadOnlyCollection<string> paragraphs) =>
        paragraphs.Count == 0 || IsMissing(string.Join("\n", paragraphs));
}
