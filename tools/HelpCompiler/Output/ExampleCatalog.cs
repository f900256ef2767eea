using System.Text.Json;
using SecretsManager.HelpCompiler.Pages;

namespace SecretsManager.HelpCompiler.Output;

/// <summary>One example as the example tests run it.</summary>
public sealed record ExampleRecord(string File, int Line, string Command, string Title, string Code, string? Setup, string? SkipReason);

/// <summary>Writes every example of every page as JSON, so the Pester example tests use this parser rather than their own.</summary>
public static class ExampleCatalog
{
    public static IEnumerable<ExampleRecord> From(HelpPage page) =>
        page.Examples.Select(e => new ExampleRecord(page.DisplayPath, e.CodeLine, page.Title ?? "", e.Title, e.Code, e.Setup, e.SkipReason));

    public static string ToJson(IEnumerable<ExampleRecord> examples) =>
        JsonSerializer.Serialize(examples.ToList(), new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase });
}
