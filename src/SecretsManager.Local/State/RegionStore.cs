namespace SecretsManager.Local.State;

/// <summary>The secrets of one Region, by name (names are case-sensitive in Secrets Manager).</summary>
internal sealed class RegionStore
{
    public RegionStore(string region, string accountId)
    {
        Region = region;
        AccountId = accountId;
    }

    public string Region { get; }

    /// <summary>The endpoint's account, which the ARNs of these secrets name.</summary>
    public string AccountId { get; }

    public Dictionary<string, Secret> Secrets { get; } = new(StringComparer.Ordinal);
}
