using System.Text.Json.Nodes;
using SecretsManager.Local.Domain;
using SecretsManager.Local.Protocol;

namespace SecretsManager.Local.Operations;

/// <summary>
/// PutSecretValue: a new version. Without VersionStages it becomes AWSCURRENT (AWSPREVIOUS follows the old one); with
/// VersionStages only those labels move. The same ClientRequestToken with the same value is a no-op.
/// </summary>
internal sealed class PutSecretValueOperation : IOperation
{
    public string Name => "PutSecretValue";

    public JsonObject Execute(OperationContext ctx)
    {
        var req = ctx.Request;
        var secret = ctx.FindWritableSecret();
        var secretString = req.String("SecretString");
        var secretBinary = req.Blob("SecretBinary");
        ValueRules.Validate(secretString, secretBinary, required: true);
        var stages = req.StringList("VersionStages") ?? [StagingLabels.Current];
        var token = req.String("ClientRequestToken") ?? Guid.NewGuid().ToString();

        var version = VersionWriter.CheckToken(secret, token, secretString, secretBinary);
        if (version is null)
        {
            VersionWriter.EnsureCanAdd(secret, stages, ctx.Now);
            version = VersionWriter.Add(secret, token, secretString, secretBinary, stages, ctx.Now);
            ctx.MarkChanged(secret);
        }
        return new JsonObject
        {
            ["ARN"] = secret.Arn, ["Name"] = secret.Name, ["VersionId"] = version.VersionId,
            ["VersionStages"] = JsonWire.StringArray(version.Stages),
        };
    }
}
