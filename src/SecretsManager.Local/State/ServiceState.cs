using System.Collections.Concurrent;

namespace SecretsManager.Local.State;

/// <summary>
/// All state of the endpoint: one <see cref="RegionStore"/> per Region. Every operation runs under <see cref="Sync"/>,
/// a single lock, because replication makes some operations touch several Regions at once; the work per call is tiny.
/// </summary>
internal sealed class ServiceState
{
    public const string AccountId = "123456789012";
    private readonly ConcurrentDictionary<string, RegionStore> _regions = new(StringComparer.Ordinal);

    public object Sync { get; } = new();

    public RegionStore Region(string region) => _regions.GetOrAdd(region, r => new RegionStore(r));

    public IEnumerable<RegionStore> AllRegions => _regions.Values;

    public void Clear()
    {
        lock (Sync) _regions.Clear();
    }
}
