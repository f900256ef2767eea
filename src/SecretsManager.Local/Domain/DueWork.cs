using SecretsManager.Local.Rotation;
using SecretsManager.Local.State;

namespace SecretsManager.Local.Domain;

/// <summary>Work that falls due as the endpoint clock moves: purging secrets whose recovery window ended, and scheduled rotations.</summary>
internal sealed class DueWork
{
    private readonly ServiceState _state;
    private static readonly TimeSpan RequestCheckInterval = TimeSpan.FromSeconds(1);
    private readonly RotationRunner _rotation;
    private DateTimeOffset _lastRun = DateTimeOffset.MinValue;

    public DueWork(ServiceState state, RotationRunner rotation)
    {
        _state = state;
        _rotation = rotation;
    }

    /// <summary>Called before each request: a full sweep at most once a second keeps large stores fast.</summary>
    public void RunDueIfStale(DateTimeOffset now)
    {
        if (now - _lastRun >= RequestCheckInterval || now < _lastRun) RunDue(now);
    }

    /// <summary>Runs everything due at <paramref name="now"/>. Caller holds the state lock.</summary>
    public void RunDue(DateTimeOffset now)
    {
        _lastRun = now;
        foreach (var store in _state.AllRegions)
        {
            foreach (var secret in store.Secrets.Values.ToList())
            {
                if (secret.DeletionDate is { } due && due <= now)
                {
                    store.Secrets.Remove(secret.Name);
                    continue;
                }
                var r = secret.Rotation;
                if (r.Enabled == true && r.NextRotationDate is { } next && next <= now && r.RunningToken is null
                    && !secret.IsReplica && !secret.IsScheduledForDeletion && r.LambdaArn is not null
                    && !RotationRules.HasUnfinishedRotation(secret))
                {
                    _rotation.Start(secret, Guid.NewGuid().ToString(), now);
                }
            }
        }
    }
}
