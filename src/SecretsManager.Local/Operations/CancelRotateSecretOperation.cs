using System.Text.Json.Nodes;
using SecretsManager.Local.Domain;
using SecretsManager.Local.Protocol;

namespace SecretsManager.Local.Operations;

/// <summary>
/// CancelRotateSecret: turns automatic rotation off and stops a running rotation before its next step. Like AWS, it
/// leaves AWSPENDING where it is and returns that version's id so the caller can clean up.
/// </summary>
internal sealed class CancelRotateSecretOperation : IOperation
{
    public string Name => "CancelRotateSecret";

    public JsonObject Execute(OperationContext ctx)
    {
        var secret = ctx.FindWritableSecret();
        var r = secret.Rotation;
        var pending = secret.FindByStage(StagingLabels.Pending);
        var versionId = r.RunningToken ?? (pending is not null && !pending.Stages.Contains(StagingLabels.Current) ? pending.VersionId : null);
        r.Enabled = false;
        r.NextRotationDate = null;
        r.RunningToken = null;
        ctx.MarkChanged(secret);
        return new JsonObject { ["ARN"] = secret.Arn, ["Name"] = secret.Name }.AddIf("VersionId", versionId);
    }
}
