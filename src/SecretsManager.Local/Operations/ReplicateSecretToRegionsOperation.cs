using System.Text.Json.Nodes;
using SecretsManager.Local.Domain;

namespace SecretsManager.Local.Operations;

/// <summary>ReplicateSecretToRegions: read-only replicas of the secret in other Regions.</summary>
internal sealed class ReplicateSecretToRegionsOperation : IOperation
{
    public string Name => "ReplicateSecretToRegions";

    public JsonObject Execute(OperationContext ctx)
    {
        var secret = ctx.FindWritableSecret();
        var requests = Replication.Read(ctx.Request, ctx.Region);
        Replication.Add(ctx.State, secret, requests, ctx.Request.Bool("ForceOverwriteReplicaSecret") ?? false, ctx.Now);
        ctx.MarkChanged(secret);
        return new JsonObject { ["ARN"] = secret.Arn, ["ReplicationStatus"] = SecretViews.ReplicationStatus(secret) };
    }
}
