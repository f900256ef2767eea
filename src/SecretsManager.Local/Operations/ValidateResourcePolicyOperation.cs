using System.Text.Json.Nodes;
using SecretsManager.Local.Domain;

namespace SecretsManager.Local.Operations;

/// <summary>
/// ValidateResourcePolicy: text that isn't JSON is MalformedPolicyDocumentException; grammar problems and broad access are
/// reported as ValidationErrors with PolicyValidationPassed false.
/// </summary>
internal sealed class ValidateResourcePolicyOperation : IOperation
{
    public string Name => "ValidateResourcePolicy";

    public JsonObject Execute(OperationContext ctx)
    {
        if (ctx.Request.Has("SecretId")) ctx.FindSecret();
        var policy = PolicyDocument.Parse(ctx.Request.String("ResourcePolicy")!);
        var errors = new JsonArray();
        foreach (var message in policy.SyntaxErrors())
            errors.Add(new JsonObject { ["CheckName"] = "SYNTAX_CHECK", ["ErrorMessage"] = message });
        if (policy.GrantsPublicAccess())
            errors.Add(new JsonObject
            {
                ["CheckName"] = "BROAD_ACCESS_CHECK",
                ["ErrorMessage"] = "The policy grants access to every principal (\"*\") without a condition.",
            });
        return new JsonObject { ["PolicyValidationPassed"] = errors.Count == 0, ["ValidationErrors"] = errors };
    }
}
