using System.Text.Json.Nodes;
using SecretsManager.Local.Domain;
using SecretsManager.Local.Protocol;
using SecretsManager.Local.State;

namespace SecretsManager.Local.Operations;

/// <summary>CreateSecret: a new secret, optionally with a first value (AWSCURRENT), tags and replicas.</summary>
internal sealed class CreateSecretOperation : IOperation
{
    public string Name => "CreateSecret";

    public JsonObject Execute(OperationContext ctx)
    {
        var req = ctx.Request;
        var name = req.String("Name")!;
        NameRules.Validate(name);
        var secretString = req.String("SecretString");
        var secretBinary = req.Blob("SecretBinary");
        ValueRules.Validate(secretString, secretBinary, required: false);
        var tags = TagRules.Merge([], TagRules.Read(req));
        var replicas = Replication.Read(req, ctx.Region);
        var token = req.String("ClientRequestToken");
        var hasValue = secretString is not null || secretBinary is not null;

        if (ctx.Store.Secrets.TryGetValue(name, out var existing))
        {
            if (existing.IsScheduledForDeletion)
                throw ServiceException.InvalidRequest(
                    $"You can't create this secret because a secret with the name {name} is already scheduled for deletion.");
            // Same token and same value: a retried CreateSecret, answered as the first one was.
            if (token is not null && hasValue && existing.FindVersion(token) is { } v && v.HasSameValue(secretString, secretBinary))
                return Response(existing, v.VersionId);
            throw ServiceException.Exists($"The operation failed because the secret {name} already exists.");
        }

        var suffix = Arns.RandomSuffix();
        var secret = new Secret
        {
            Name = name,
            Suffix = suffix,
            Arn = Arns.SecretArn(ctx.Region, ctx.State.AccountId, name, suffix),
            Region = ctx.Region,
            CreatedDate = ctx.Now,
            LastChangedDate = ctx.Now,
            Description = req.String("Description"),
            KmsKeyId = NonEmpty(req.String("KmsKeyId")),
            Type = NonEmpty(req.String("Type")),
            Tags = tags,
        };
        string? versionId = null;
        if (hasValue)
        {
            versionId = token ?? Guid.NewGuid().ToString();
            VersionWriter.Add(secret, versionId, secretString, secretBinary, [StagingLabels.Current], ctx.Now);
        }
        ctx.Store.Secrets[name] = secret;
        if (replicas.Count > 0)
            Replication.Add(ctx.State, secret, replicas, req.Bool("ForceOverwriteReplicaSecret") ?? false, ctx.Now);
        return Response(secret, versionId);
    }

    private static JsonObject Response(Secret secret, string? versionId)
    {
        var obj = new JsonObject { ["ARN"] = secret.Arn, ["Name"] = secret.Name }.AddIf("VersionId", versionId);
        if (secret.Replicas.Count > 0) obj["ReplicationStatus"] = SecretViews.ReplicationStatus(secret);
        return obj;
    }

    private static string? NonEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
