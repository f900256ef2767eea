namespace SecretsManager.HelpCompiler.Pages;

/// <summary>One parameter set's syntax line as the page writes it.</summary>
public sealed record SyntaxEntry(string SetName, bool IsDefault, int Line, string? Code, int CodeLine);
