using System.Text.Json.Nodes;
using SecretsManager.Local.Domain;
using SecretsManager.Local.Protocol;

namespace SecretsManager.Local.Operations;

/// <summary>RemoveRegionsFromReplication: deletes the replicas in the given Regions at once.</summary>
internal sealed class RemoveRegionsFromReplicationOperation : IOperation
{
    public string Name => "RemoveRegionsFromReplication";

    public JsonObject Execute(OperationContext ctx)
    {
        var secret = ctx.FindWritableSecret();
        var regions = ctx.Request.StringList("RemoveReplicaRegions")!;
        foreach (var region in regions)
            if (secret.Replicas.All(r => r.Region != region))
                throw ServiceException.InvalidParameter($"The secret {secret.Name} has no replica in Region {region}.");
        foreach (var region in regions.Distinct())
        {
            var store = ctx.State.Region(region);
            if (store.Secrets.TryGetValue(secret.Name, out var replica) && replica.PrimaryRegion == secret.Region)
                store.Secrets.Remove(secret.Name);
            secret.Replicas.RemoveAll(r => r.Region == region);
        }
        ctx.MarkChanged(secret);
        return new JsonObject { ["ARN"] = secret.Arn, ["ReplicationStatus"] = SecretViews.ReplicationStatus(secret) };
    }
}
