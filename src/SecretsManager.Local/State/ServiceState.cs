using System.Collections.Concurrent;

namespace SecretsManager.Local.State;

/// <summary>
/// All state of the endpoint: one <see cref="RegionStore"/> per Region. Every operation runs under <see cref="Sync"/>,
/// a single lock, because replication makes some operations touch several Regions at once; the work per call is tiny.
/// </summary>
internal sealed class ServiceState
{
    private readonly ConcurrentDictionary<string, RegionStore> _regions = new(StringComparer.Ordinal);

    public ServiceState(string accountId) => AccountId = accountId;

    /// <summary>The account every ARN of this endpoint names (--account-id).</summary>
    public string AccountId { get; }

    public object Sync { get; } = new();

    public RegionStore Region(string region) => _regions.GetOrAdd(region, r => new RegionStore(r, AccountId));

    public IEnumerable<RegionStore> AllRegions => _regions.Values;

    public void Clear()
    {
        lock (Sync) _regions.Clear();
    }
}
