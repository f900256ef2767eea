using System.Text.Json.Nodes;
using SecretsManager.Local.Protocol;
using SecretsManager.Local.State;

namespace SecretsManager.Local.Domain;

/// <summary>Renders a secret as DescribeSecret's response or as a ListSecrets SecretListEntry.</summary>
internal static class SecretViews
{
    public static JsonObject Describe(Secret s)
    {
        var obj = Common(s, "VersionIdsToStages");
        if (s.Replicas.Count > 0)
            obj["ReplicationStatus"] = ReplicationStatus(s);
        return obj;
    }

    public static JsonObject ListEntry(Secret s) => Common(s, "SecretVersionsToStages");

    public static JsonArray ReplicationStatus(Secret s) => new(s.Replicas.Select(r => (JsonNode)new JsonObject()
        .AddIf("Region", r.Region).AddIf("KmsKeyId", r.KmsKeyId).AddIf("Status", r.Status).AddIf("StatusMessage", r.StatusMessage)).ToArray());

    public static JsonObject RotationRules(RotationState r) => new JsonObject()
        .AddIf("AutomaticallyAfterDays", (r.AutomaticallyAfterDays ?? r.CalculatedDays) is { } d ? JsonValue.Create(d) : null)
        .AddIf("Duration", r.Duration)
        .AddIf("ScheduleExpression", r.ScheduleExpression);

    private static JsonObject Common(Secret s, string versionsMember)
    {
        var obj = new JsonObject { ["ARN"] = s.Arn, ["Name"] = s.Name };
        obj.AddIf("Description", s.Description).AddIf("KmsKeyId", s.KmsKeyId);
        var r = s.Rotation;
        if (r.Enabled is { } enabled) obj["RotationEnabled"] = enabled;
        obj.AddIf("RotationLambdaARN", r.LambdaArn);
        if (r.ExternalMetadata is { } metadata)
            obj["ExternalSecretRotationMetadata"] = new JsonArray(metadata.Select(m => (JsonNode)new JsonObject { ["Key"] = m.Key, ["Value"] = m.Value }).ToArray());
        obj.AddIf("ExternalSecretRotationRoleArn", r.ExternalRoleArn);
        if (r.HasRules) obj["RotationRules"] = RotationRules(r);
        obj.AddIf("LastRotatedDate", r.LastRotatedDate)
            .AddIf("LastChangedDate", s.LastChangedDate)
            .AddIf("LastAccessedDate", s.LastAccessedDate)
            .AddIf("DeletedDate", s.DeletionDate)
            .AddIf("NextRotationDate", r.Enabled == true ? r.NextRotationDate : null);
        if (s.Tags.Count > 0)
            obj["Tags"] = new JsonArray(s.Tags.Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value }).ToArray());
        var stages = new JsonObject();
        foreach (var v in s.Versions.Where(v => !v.IsDeprecated))
            stages[v.VersionId] = JsonWire.StringArray(v.Stages);
        if (stages.Count > 0) obj[versionsMember] = stages; // a secret without any value has no versions to show
        obj.AddIf("OwningService", s.OwningService)
            .AddIf("Type", s.Type)
            .AddIf("CreatedDate", s.CreatedDate)
            .AddIf("PrimaryRegion", s.PrimaryRegion ?? (s.Replicas.Count > 0 ? s.Region : null));
        return obj;
    }
}
