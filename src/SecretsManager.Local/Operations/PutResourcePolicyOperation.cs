using System.Text.Json.Nodes;
using SecretsManager.Local.Domain;
using SecretsManager.Local.Protocol;

namespace SecretsManager.Local.Operations;

/// <summary>PutResourcePolicy: attaches a well-formed policy; with BlockPublicPolicy a public one is refused.</summary>
internal sealed class PutResourcePolicyOperation : IOperation
{
    public string Name => "PutResourcePolicy";

    public JsonObject Execute(OperationContext ctx)
    {
        var secret = ctx.FindWritableSecret();
        var text = ctx.Request.String("ResourcePolicy")!;
        var policy = PolicyDocument.Parse(text);
        var errors = policy.SyntaxErrors();
        if (errors.Count > 0)
            throw new ServiceException(ErrorCodes.MalformedPolicyDocument, "This resource policy contains a syntax error: " + string.Join(" ", errors));
        if ((ctx.Request.Bool("BlockPublicPolicy") ?? false) && policy.GrantsPublicAccess())
            throw new ServiceException(ErrorCodes.PublicPolicy,
                "This resource policy grants public access to the secret (a \"*\" principal) and BlockPublicPolicy is set.");
        secret.ResourcePolicy = text;
        ctx.MarkChanged(secret);
        return new JsonObject { ["ARN"] = secret.Arn, ["Name"] = secret.Name };
    }
}
