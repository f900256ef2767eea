namespace SecretsManager.HelpCompiler.Pages;

/// <summary>A parameter's <c>```yaml</c> block: Type, Parameter Sets, Aliases, Required, Position, ... one field per line.</summary>
public sealed class MetadataBlock
{
    /// <summary>1-based line of the opening fence.</summary>
    public int Line { get; init; }

    public int Start { get; init; }

    /// <summary>Offset just after the closing fence.</summary>
    public int End { get; init; }

    public List<MetadataField> Fields { get; } = new();

    public MetadataField? Get(string key) =>
        Fields.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One <c>Key: value</c> line of a metadata block.</summary>
public sealed record MetadataField(string Key, string Value, int Line);
