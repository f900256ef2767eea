using System.Text.Json.Nodes;
using SecretsManager.Local.Protocol;

namespace SecretsManager.Local.Operations;

/// <summary>GetResourcePolicy: the attached policy text, omitted when there is none.</summary>
internal sealed class GetResourcePolicyOperation : IOperation
{
    public string Name => "GetResourcePolicy";

    public JsonObject Execute(OperationContext ctx)
    {
        var secret = ctx.FindSecret();
        return new JsonObject { ["ARN"] = secret.Arn, ["Name"] = secret.Name }.AddIf("ResourcePolicy", secret.ResourcePolicy);
    }
}
