namespace SecretsManager.HelpCompiler.Pages;

/// <summary>An INPUTS or OUTPUTS entry: a type name and what it means for this cmdlet.</summary>
public sealed record TypeEntry(string TypeName, int Line, IReadOnlyList<string> Description);
