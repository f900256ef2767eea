using System.Text.RegularExpressions;

namespace SecretsManager.Local.Validation;

/// <summary>
/// A request shape with the constraint traits of the Smithy model (length, range, pattern, enum),
/// enough to type-check and validate a JSON request before any handler runs.
/// </summary>
internal sealed class Shape
{
    private Shape(ShapeKind kind) => Kind = kind;

    public ShapeKind Kind { get; }
    public long? MinLength { get; private init; }
    public long? MaxLength { get; private init; }
    public long? MinValue { get; private init; }
    public long? MaxValue { get; private init; }
    public Regex? Pattern { get; private init; }
    public string? PatternText { get; private init; }
    public bool Sensitive { get; private init; }
    public Shape? Element { get; private init; }
    public IReadOnlyList<Member> Members { get; private init; } = [];
    public IReadOnlyList<string> EnumValues { get; private init; } = [];

    public static Shape String(long? min = null, long? max = null, string? pattern = null, bool sensitive = false) => new(ShapeKind.String)
    {
        MinLength = min,
        MaxLength = max,
        Pattern = pattern is null ? null : new Regex(pattern, RegexOptions.CultureInvariant),
        PatternText = pattern,
        Sensitive = sensitive,
    };

    public static Shape Integer(long? min = null, long? max = null) => new(ShapeKind.Integer) { MinValue = min, MaxValue = max };

    public static Shape Long(long? min = null, long? max = null) => new(ShapeKind.Long) { MinValue = min, MaxValue = max };

    public static Shape Boolean() => new(ShapeKind.Boolean);

    public static Shape Blob(long? min = null, long? max = null, bool sensitive = false) =>
        new(ShapeKind.Blob) { MinLength = min, MaxLength = max, Sensitive = sensitive };

    public static Shape List(Shape element, long? min = null, long? max = null) =>
        new(ShapeKind.List) { Element = element, MinLength = min, MaxLength = max };

    public static Shape Structure(params Member[] members) => new(ShapeKind.Structure) { Members = members };

    public static Shape Enum(params string[] values) => new(ShapeKind.Enum) { EnumValues = values };
}
