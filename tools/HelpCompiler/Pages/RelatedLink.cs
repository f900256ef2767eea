namespace SecretsManager.HelpCompiler.Pages;

/// <summary>A RELATED LINKS entry; Uri is empty for a link to another cmdlet's help.</summary>
public sealed record RelatedLink(string Text, string Uri, int Line);
