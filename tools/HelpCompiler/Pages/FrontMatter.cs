namespace SecretsManager.HelpCompiler.Pages;

/// <summary>The YAML header of a page (<c>key: value</c> lines between two <c>---</c> lines).</summary>
public sealed class FrontMatter
{
    private readonly Dictionary<string, FrontMatterField> _fields = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>False when the page has no header or it is not closed; the rest of the page is still read.</summary>
    public bool IsPresent { get; set; }

    /// <summary>1-based line of the closing <c>---</c>, or 0 when there is no header.</summary>
    public int EndLine { get; set; }

    public IReadOnlyCollection<FrontMatterField> Fields => _fields.Values;

    public void Add(FrontMatterField field) => _fields[field.Key] = field;

    public FrontMatterField? Get(string key) => _fields.TryGetValue(key, out var field) ? field : null;
}

/// <summary>One <c>key: value</c> line of the header.</summary>
public sealed record FrontMatterField(string Key, string Value, int Line);
