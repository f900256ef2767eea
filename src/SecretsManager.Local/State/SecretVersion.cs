namespace SecretsManager.Local.State;

/// <summary>One immutable value of a secret plus the staging labels currently attached to it.</summary>
internal sealed class SecretVersion
{
    public required string VersionId { get; init; }
    public string? SecretString { get; init; }
    public byte[]? SecretBinary { get; init; }
    public required DateTimeOffset CreatedDate { get; init; }
    public DateTimeOffset? LastAccessedDate { get; set; }

    /// <summary>Labels in the order they were attached; none means deprecated.</summary>
    public List<string> Stages { get; } = [];

    public bool IsDeprecated => Stages.Count == 0;

    /// <summary>True when this version holds exactly the given value (the idempotency rule).</summary>
    public bool HasSameValue(string? secretString, byte[]? secretBinary) =>
        string.Equals(SecretString, secretString, StringComparison.Ordinal)
        && (SecretBinary is null ? secretBinary is null : secretBinary is not null && SecretBinary.AsSpan().SequenceEqual(secretBinary));

    public SecretVersion Clone()
    {
        var copy = new SecretVersion
        {
            VersionId = VersionId, SecretString = SecretString, SecretBinary = SecretBinary, CreatedDate = CreatedDate,
            LastAccessedDate = LastAccessedDate,
        };
        copy.Stages.AddRange(Stages);
        return copy;
    }
}
