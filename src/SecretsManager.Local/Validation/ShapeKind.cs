namespace SecretsManager.Local.Validation;

/// <summary>The Smithy shape types the request members use.</summary>
internal enum ShapeKind
{
    String,
    Integer,
    Long,
    Boolean,
    Blob,
    List,
    Structure,
    Enum,
}
