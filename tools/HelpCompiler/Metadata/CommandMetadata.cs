namespace SecretsManager.HelpCompiler.Metadata;

/// <summary>One exported cmdlet as reflected from the built module.</summary>
public sealed class CommandMetadata
{
    public string Name { get; set; } = "";

    /// <summary>Every parameter except the common ones (WhatIf, Confirm and paging parameters are included).</summary>
    public List<ParameterMetadata> Parameters { get; set; } = new();

    /// <summary>Parameter sets in the order PowerShell reports them.</summary>
    public List<ParameterSetMetadata> ParameterSets { get; set; } = new();

    /// <summary>Full type names from the cmdlet's [OutputType] attributes.</summary>
    public List<string> OutputTypes { get; set; } = new();

    public ParameterMetadata? FindParameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The cmdlet's verb (text before the first '-').</summary>
    public string Verb => Name.Contains('-') ? Name[..Name.IndexOf('-')] : Name;

    /// <summary>The cmdlet's noun (text after the first '-').</summary>
    public string Noun => Name.Contains('-') ? Name[(Name.IndexOf('-') + 1)..] : "";
}
