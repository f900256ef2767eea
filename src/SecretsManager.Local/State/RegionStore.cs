namespace SecretsManager.Local.State;

/// <summary>The secrets of one Region, by name (names are case-sensitive in Secrets Manager).</summary>
internal sealed class RegionStore
{
    public RegionStore(string region) => Region = region;

    public string Region { get; }

    public Dictionary<string, Secret> Secrets { get; } = new(StringComparer.Ordinal);
}
