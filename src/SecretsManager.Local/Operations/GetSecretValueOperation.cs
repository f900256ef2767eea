using System.Text.Json.Nodes;
using SecretsManager.Local.Domain;
using SecretsManager.Local.Protocol;
using SecretsManager.Local.State;

namespace SecretsManager.Local.Operations;

/// <summary>GetSecretValue: the value of AWSCURRENT, or of the version named by VersionId and/or VersionStage.</summary>
internal sealed class GetSecretValueOperation : IOperation
{
    public string Name => "GetSecretValue";

    public JsonObject Execute(OperationContext ctx)
    {
        var secret = ctx.FindSecret();
        if (secret.IsScheduledForDeletion) throw ServiceException.MarkedForDeletion();
        var version = Resolve(secret, ctx.Request.String("VersionId"), ctx.Request.String("VersionStage"));
        MarkAccessed(secret, version, ctx.Now);
        return Render(secret, version);
    }

    /// <summary>Finds the version by id and/or label; both given must agree. Missing → ResourceNotFoundException.</summary>
    public static SecretVersion Resolve(Secret secret, string? versionId, string? stage)
    {
        if (versionId is not null)
        {
            var byId = secret.FindVersion(versionId)
                ?? throw ServiceException.NotFound($"Secrets Manager can't find the specified secret value for VersionId: {versionId}");
            if (stage is not null && !byId.Stages.Contains(stage))
                throw ServiceException.NotFound(
                    $"Secrets Manager can't find the specified secret value for VersionId: {versionId} and staging label: {stage}");
            return byId;
        }
        stage ??= StagingLabels.Current;
        return secret.FindByStage(stage)
            ?? throw ServiceException.NotFound($"Secrets Manager can't find the specified secret value for staging label: {stage}");
    }

    /// <summary>AWS records the access date (day precision) on the secret.</summary>
    public static void MarkAccessed(Secret secret, SecretVersion version, DateTimeOffset now)
    {
        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        secret.LastAccessedDate = day;
        version.LastAccessedDate = day;
    }

    public static JsonObject Render(Secret secret, SecretVersion version)
    {
        var obj = new JsonObject { ["ARN"] = secret.Arn, ["Name"] = secret.Name, ["VersionId"] = version.VersionId };
        if (version.SecretBinary is not null) obj["SecretBinary"] = JsonWire.Blob(version.SecretBinary);
        obj.AddIf("SecretString", version.SecretString);
        obj["VersionStages"] = JsonWire.StringArray(version.Stages);
        obj["CreatedDate"] = JsonWire.Timestamp(version.CreatedDate);
        return obj;
    }
}
