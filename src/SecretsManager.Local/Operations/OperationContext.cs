using SecretsManager.Local.Domain;
using SecretsManager.Local.Hosting;
using SecretsManager.Local.Protocol;
using SecretsManager.Local.Rotation;
using SecretsManager.Local.State;

namespace SecretsManager.Local.Operations;

/// <summary>Everything an operation needs for one call: caller Region, state, the clock, the request and the rotation runner.</summary>
internal sealed class OperationContext
{
    private readonly List<Secret> _changed = [];

    public required string Region { get; init; }
    public required ServiceState State { get; init; }
    public required LocalClock Clock { get; init; }
    public required RequestReader Request { get; init; }
    public required RotationRunner Rotation { get; init; }
    public required DateTimeOffset Now { get; init; }

    public RegionStore Store => State.Region(Region);

    /// <summary>Secrets changed by this call; their replicas are brought up to date afterwards.</summary>
    public IReadOnlyList<Secret> Changed => _changed;

    /// <summary>Work the answer waits for once the state lock is released (the RotateImmediately=false test), if any.</summary>
    public Task? AnswerAfterTask { get; private set; }

    /// <summary>Makes the answer wait for <paramref name="work"/>, which needs the lock this call holds.</summary>
    public void AnswerAfter(Task work) => AnswerAfterTask = work;

    /// <summary>Records a change: LastChangedDate moves (AWS: "modified in any way") and replicas follow.</summary>
    public void MarkChanged(Secret secret)
    {
        secret.LastChangedDate = Now;
        if (!_changed.Contains(secret)) _changed.Add(secret);
    }

    /// <summary>Finds the secret named by the <c>SecretId</c> member (name, full ARN or partial ARN) or throws ResourceNotFoundException.</summary>
    public Secret FindSecret(string member = "SecretId") =>
        SecretLocator.Find(Store, Request.String(member)!) ?? throw ServiceException.SecretNotFound();

    /// <summary>Finds a secret the caller may change: not scheduled for deletion and not a read-only replica.</summary>
    public Secret FindWritableSecret()
    {
        var secret = FindSecret();
        if (secret.IsScheduledForDeletion) throw ServiceException.MarkedForDeletion();
        if (secret.IsReplica)
            throw ServiceException.InvalidRequest(
                $"Operation is not permitted on a replica secret. Call the operation in the primary secret's Region {secret.PrimaryRegion}.");
        return secret;
    }
}
