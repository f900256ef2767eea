using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace SecretsManager.Local.Hosting;

/// <summary>How many requests of each operation the endpoint answered since it started or was reset (GET /_local/requests).</summary>
internal sealed class RequestCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Count(string operation) => _counts.AddOrUpdate(operation, 1, (_, n) => n + 1);

    public void Reset() => _counts.Clear();

    public JsonObject ToJson()
    {
        var counts = new JsonObject();
        foreach (var (operation, count) in _counts.OrderBy(c => c.Key, StringComparer.Ordinal)) counts[operation] = count;
        return new JsonObject { ["requests"] = counts };
    }
}
