using System.Text.Json.Nodes;
using SecretsManager.Local.Domain;
using SecretsManager.Local.Protocol;

namespace SecretsManager.Local.Operations;

/// <summary>
/// UpdateSecretVersionStage: moves or removes one staging label. When the label sits on another version,
/// RemoveFromVersionId must name that version; AWSCURRENT can only be moved, never just removed.
/// </summary>
internal sealed class UpdateSecretVersionStageOperation : IOperation
{
    public string Name => "UpdateSecretVersionStage";

    public JsonObject Execute(OperationContext ctx)
    {
        var req = ctx.Request;
        var secret = ctx.FindWritableSecret();
        var stage = req.String("VersionStage")!;
        var moveTo = req.String("MoveToVersionId");
        var removeFrom = req.String("RemoveFromVersionId");
        if (moveTo is null && removeFrom is null)
            throw ServiceException.InvalidParameter("Specify MoveToVersionId to attach the staging label, RemoveFromVersionId to detach it, or both to move it.");

        var holder = secret.FindByStage(stage);
        var removeVersion = removeFrom is null ? null : secret.FindVersion(removeFrom)
            ?? throw ServiceException.NotFound($"Secrets Manager can't find the specified secret version: {removeFrom}");
        if (removeVersion is not null && holder != removeVersion)
            throw ServiceException.InvalidParameter(
                $"The staging label {stage} is not attached to version {removeFrom}" + (holder is null ? "." : $"; it is attached to version {holder.VersionId}."));

        if (moveTo is null)
        {
            if (stage == StagingLabels.Current)
                throw ServiceException.InvalidParameter(
                    "You can't remove the staging label AWSCURRENT from a version without moving it to another version: specify MoveToVersionId.");
            removeVersion!.Stages.Remove(stage);
        }
        else
        {
            var target = secret.FindVersion(moveTo)
                ?? throw ServiceException.NotFound($"Secrets Manager can't find the specified secret version: {moveTo}");
            if (holder is not null && holder != target && removeVersion is null)
                throw ServiceException.InvalidParameter(
                    $"The staging label {stage} is currently attached to version {holder.VersionId}. To move it, specify that version in RemoveFromVersionId.");
            if (holder != target)
            {
                StagingLabels.EnsureRoom(target, [stage]);
                StagingLabels.Move(secret, stage, target);
            }
        }
        ctx.MarkChanged(secret);
        return new JsonObject { ["ARN"] = secret.Arn, ["Name"] = secret.Name };
    }
}
