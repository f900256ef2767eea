using System.Text.Json.Nodes;
using SecretsManager.Local.Domain;
using SecretsManager.Local.Protocol;
using SecretsManager.Local.State;

namespace SecretsManager.Local.Operations;

/// <summary>
/// DeleteSecret: schedules deletion after a 7–30 day recovery window (default 30), or deletes at once with
/// ForceDeleteWithoutRecovery. As the model documents, a forced delete of a missing secret does not return
/// ResourceNotFoundException. A primary with replicas can't be deleted.
/// </summary>
internal sealed class DeleteSecretOperation : IOperation
{
    private const int DefaultRecoveryDays = 30;

    public string Name => "DeleteSecret";

    public JsonObject Execute(OperationContext ctx)
    {
        var req = ctx.Request;
        var force = req.Bool("ForceDeleteWithoutRecovery") ?? false;
        var window = req.Long("RecoveryWindowInDays");
        if (force && window is not null)
            throw ServiceException.InvalidParameter("You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
        if (window is < 7 or > 30)
            throw ServiceException.InvalidParameter("The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");

        var id = req.String("SecretId")!;
        var secret = SecretLocator.Find(ctx.Store, id);
        if (secret is null)
        {
            if (!force) throw ServiceException.SecretNotFound();
            var arn = id.StartsWith("arn:", StringComparison.Ordinal) ? id : $"arn:aws:secretsmanager:{ctx.Region}:{ctx.State.AccountId}:secret:{id}";
            return new JsonObject { ["ARN"] = arn, ["Name"] = id.StartsWith("arn:", StringComparison.Ordinal) ? id.Split(':')[^1] : id, ["DeletionDate"] = JsonWire.Timestamp(ctx.Now) };
        }
        if (secret.IsReplica)
            throw ServiceException.InvalidRequest(
                $"Operation is not permitted on a replica secret. To delete the replica in {ctx.Region}, call RemoveRegionsFromReplication in the primary secret's Region {secret.PrimaryRegion}.");
        var replicaRegions = secret.Replicas.Where(r => r.Status == "InSync").Select(r => r.Region).ToList();
        if (replicaRegions.Count > 0)
            throw ServiceException.InvalidRequest(
                $"You can't delete secret {secret.Name} while it is replicated to other Regions ({string.Join(", ", replicaRegions)}). Remove the replicas first with RemoveRegionsFromReplication.");
        if (secret.IsScheduledForDeletion && !force) throw ServiceException.MarkedForDeletion();

        DateTimeOffset deletionDate;
        if (force)
        {
            deletionDate = ctx.Now;
            ctx.Store.Secrets.Remove(secret.Name);
            secret.Rotation.RunningToken = null;
        }
        else
        {
            deletionDate = ctx.Now.AddDays(window ?? DefaultRecoveryDays);
            secret.DeletionDate = deletionDate;
            ctx.MarkChanged(secret);
        }
        return new JsonObject { ["ARN"] = secret.Arn, ["Name"] = secret.Name, ["DeletionDate"] = JsonWire.Timestamp(deletionDate) };
    }
}
