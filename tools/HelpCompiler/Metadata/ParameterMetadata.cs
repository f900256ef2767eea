namespace SecretsManager.HelpCompiler.Metadata;

/// <summary>A parameter's set-independent facts: type, aliases, wildcard support, accepted values.</summary>
public sealed class ParameterMetadata
{
    public string Name { get; set; } = "";

    /// <summary>Short display name as platyPS writes it, e.g. <c>String[]</c>, <c>SwitchParameter</c>, <c>Int32</c>.</summary>
    public string Type { get; set; } = "Object";

    public bool IsSwitch { get; set; }

    public List<string> Aliases { get; set; } = new();

    public bool SupportsWildcards { get; set; }

    /// <summary>Values from [ValidateSet], shown as "Accepted values".</summary>
    public List<string> AcceptedValues { get; set; } = new();

    /// <summary>
    /// The value the cmdlet initialises the property to, when it sets a real one (not null, false, 0 or empty), e.g.
    /// <c>120</c> for <c>TimeoutSec = 120</c>. The page's "Default value" must then start with it; otherwise the
    /// default is prose (e.g. what AWS does when nothing is sent).
    /// </summary>
    public string? CodeDefault { get; set; }
}
