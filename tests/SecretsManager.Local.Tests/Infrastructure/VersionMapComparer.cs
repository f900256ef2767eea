namespace SecretsManager.Local.Tests.Infrastructure;

/// <summary>Compares two VersionId → labels maps regardless of label order.</summary>
public sealed class VersionMapComparer : IEqualityComparer<Dictionary<string, string[]>>
{
    public bool Equals(Dictionary<string, string[]>? x, Dictionary<string, string[]>? y)
    {
        if (x is null || y is null) return ReferenceEquals(x, y);
        return x.Count == y.Count && x.All(kv => y.TryGetValue(kv.Key, out var other) &&
            kv.Value.Order(StringComparer.Ordinal).SequenceEqual(other.Order(StringComparer.Ordinal)));
    }

    public int GetHashCode(Dictionary<string, string[]> obj) => obj.Count;
}
