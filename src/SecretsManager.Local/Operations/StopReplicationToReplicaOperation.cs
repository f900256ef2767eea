using System.Text.Json.Nodes;
using SecretsManager.Local.Protocol;

namespace SecretsManager.Local.Operations;

/// <summary>StopReplicationToReplica: called in the replica's Region, promotes the replica to a standalone secret.</summary>
internal sealed class StopReplicationToReplicaOperation : IOperation
{
    public string Name => "StopReplicationToReplica";

    public JsonObject Execute(OperationContext ctx)
    {
        var replica = ctx.FindSecret();
        if (!replica.IsReplica)
            throw ServiceException.InvalidRequest(
                $"The secret {replica.Name} in {ctx.Region} is not a replica. Call StopReplicationToReplica in the Region of the replica you want to promote.");
        if (ctx.State.Region(replica.PrimaryRegion!).Secrets.TryGetValue(replica.Name, out var primary))
            primary.Replicas.RemoveAll(r => r.Region == ctx.Region);
        replica.PrimaryRegion = null;
        ctx.MarkChanged(replica);
        return new JsonObject { ["ARN"] = replica.Arn };
    }
}
