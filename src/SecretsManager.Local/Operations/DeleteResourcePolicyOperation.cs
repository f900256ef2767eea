using System.Text.Json.Nodes;

namespace SecretsManager.Local.Operations;

/// <summary>DeleteResourcePolicy: removes the policy (no error when there is none).</summary>
internal sealed class DeleteResourcePolicyOperation : IOperation
{
    public string Name => "DeleteResourcePolicy";

    public JsonObject Execute(OperationContext ctx)
    {
        var secret = ctx.FindWritableSecret();
        secret.ResourcePolicy = null;
        ctx.MarkChanged(secret);
        return new JsonObject { ["ARN"] = secret.Arn, ["Name"] = secret.Name };
    }
}
