using System.Text.Json.Nodes;
using SecretsManager.Local.Domain;

namespace SecretsManager.Local.Operations;

/// <summary>DescribeSecret: metadata without the value; works while the secret is scheduled for deletion.</summary>
internal sealed class DescribeSecretOperation : IOperation
{
    public string Name => "DescribeSecret";

    public JsonObject Execute(OperationContext ctx) => SecretViews.Describe(ctx.FindSecret());
}
