namespace SecretsManager.Local.Rotation;

/// <summary>The outcomes of the latest rotations, by version id (a version belongs to one rotation only).</summary>
internal sealed class RotationOutcomes
{
    // Enough for any test run; the oldest go first, so a long-lived endpoint keeps a bounded list.
    private const int Kept = 1000;
    private readonly object _sync = new();
    private readonly Dictionary<string, RotationOutcome> _byVersion = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public void Record(RotationOutcome outcome)
    {
        lock (_sync)
        {
            if (!_byVersion.ContainsKey(outcome.VersionId)) _order.Enqueue(outcome.VersionId);
            _byVersion[outcome.VersionId] = outcome;
            while (_order.Count > Kept) _byVersion.Remove(_order.Dequeue());
        }
    }

    public RotationOutcome? Find(string versionId)
    {
        lock (_sync) return _byVersion.TryGetValue(versionId, out var outcome) ? outcome : null;
    }

    public void Clear()
    {
        lock (_sync)
        {
            _byVersion.Clear();
            _order.Clear();
        }
    }
}
