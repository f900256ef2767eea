using System.Text.Json.Nodes;
using SecretsManager.Local.Protocol;

namespace SecretsManager.Local.Operations;

/// <summary>RestoreSecret: cancels a scheduled deletion.</summary>
internal sealed class RestoreSecretOperation : IOperation
{
    public string Name => "RestoreSecret";

    public JsonObject Execute(OperationContext ctx)
    {
        var secret = ctx.FindSecret();
        if (secret.IsReplica)
            throw ServiceException.InvalidRequest(
                $"Operation is not permitted on a replica secret. Call the operation in the primary secret's Region {secret.PrimaryRegion}.");
        if (secret.DeletionDate is not null)
        {
            secret.DeletionDate = null;
            ctx.MarkChanged(secret);
        }
        return new JsonObject { ["ARN"] = secret.Arn, ["Name"] = secret.Name };
    }
}
