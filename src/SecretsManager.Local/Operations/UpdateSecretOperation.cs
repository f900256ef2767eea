using System.Text.Json.Nodes;
using SecretsManager.Local.Domain;
using SecretsManager.Local.Protocol;

namespace SecretsManager.Local.Operations;

/// <summary>
/// UpdateSecret: description, KMS key, partner Type and optionally a new value that becomes AWSCURRENT. As documented, a
/// ClientRequestToken that matches an existing version is an error (versions can't be modified).
/// </summary>
internal sealed class UpdateSecretOperation : IOperation
{
    public string Name => "UpdateSecret";

    public JsonObject Execute(OperationContext ctx)
    {
        var req = ctx.Request;
        var secret = ctx.FindWritableSecret();
        var secretString = req.String("SecretString");
        var secretBinary = req.Blob("SecretBinary");
        ValueRules.Validate(secretString, secretBinary, required: false);
        var hasValue = secretString is not null || secretBinary is not null;
        string? versionId = null;
        if (hasValue)
        {
            versionId = req.String("ClientRequestToken") ?? Guid.NewGuid().ToString();
            if (secret.FindVersion(versionId) is not null)
                throw ServiceException.Exists(
                    $"A version with VersionId {versionId} already exists. You can't modify an existing version; use a new ClientRequestToken.");
            VersionWriter.EnsureCanAdd(secret, [StagingLabels.Current], ctx.Now);
        }

        if (req.Has("Description")) secret.Description = req.String("Description");
        if (req.Has("KmsKeyId")) secret.KmsKeyId = string.IsNullOrEmpty(req.String("KmsKeyId")) ? null : req.String("KmsKeyId");
        if (req.Has("Type")) secret.Type = string.IsNullOrEmpty(req.String("Type")) ? null : req.String("Type");
        if (hasValue) VersionWriter.Add(secret, versionId!, secretString, secretBinary, [StagingLabels.Current], ctx.Now);
        secret.LastChangedDate = ctx.Now;
        ctx.MarkChanged(secret);
        return new JsonObject { ["ARN"] = secret.Arn, ["Name"] = secret.Name }.AddIf("VersionId", versionId);
    }
}
