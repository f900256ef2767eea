using System.Management.Automation;
using SecretsManager.Engine.Progress;
using SecretsManager.Engine.Workflows.Copying;
using SecretsManager.Errors;

namespace SecretsManager.Commands
{
    /// <summary>
    /// Makes copies of secrets in another account or region match them: the whole plan is built first (-WhatIf prints
    /// it), then each secret's writes are made under tokens from the source versions, so running it again is safe.
    /// </summary>
    [Cmdlet(VerbsCommon.Copy, "SmSecret", DefaultParameterSetName = ByComparisonSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SecretCopyResult))]
    public sealed class CopySmSecretCommand : SecretCopyCmdlet
    {
        /// <summary>Overwrite a copy whose value was changed in the destination since the last copy (its version is named in OverwrittenVersionId).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc/>
        protected override void WritePlan(CopyPlan plan)
        {
            if (plan.RotationNotCopied > 0)
            {
                WriteWarning($"Rotation is not copied: {plan.RotationNotCopied} of these secrets rotate in the source, and a rotation function of the source account " +
                    "means nothing in the destination. Set rotation up for the copies there (Invoke-SmRotation).");
            }
            var pacer = new ProgressPacer(plan.Secrets.Count);
            foreach (var secret in plan.Secrets)
            {
                WriteProgressUpdate(pacer.Next(secret.Name ?? secret.RequestedId));
                string what = secret.Name == null
                    ? $"Copy to '{secret.DestinationName}': {secret.Summary}"
                    : $"Copy secret '{secret.Name}' to '{secret.DestinationName}': {secret.Summary}";
                if (secret.Error != null)
                {
                    WriteError(ErrorRecordFactory.FromServiceException(secret.Error, secret.RequestedId));
                }
                else if (secret.SkipReason != null || !secret.HasChanges)
                {
                    WriteVerboseMessage(what);
                    if (IsWhatIf()) ShouldProcess(what, what, "Copy");
                    else WriteObject(SecretCopyResult.Unwritten(secret));
                }
                else if (secret.Conflict && !Force)
                {
                    if (IsWhatIf()) ShouldProcess(what, what, "Copy");
                    else WriteError(ErrorRecordFactory.Local(new ConflictException("CopyConflict", $"Secret '{secret.Name}': {secret.ConflictMessage}", secret.RequestedId), ErrorCategory.ResourceBusy, secret.RequestedId));
                }
                else if (ShouldChange(what) && TryRun(secret.RequestedId, () => SecretCopier.Apply(Destination, secret, Force), out var outcome))
                {
                    if (outcome.OverwrittenVersionId != null && outcome.OverwrittenLabel == null)
                    {
                        WriteWarning($"Secret '{secret.DestinationName}': -Force overwrote the value changed in the destination, version {outcome.OverwrittenVersionId}, " +
                            "and the source's AWSPREVIOUS took its label, so it now has no staging label: Secrets Manager can delete it. Until then, " +
                            $"Get-SmSecretValue -VersionId {outcome.OverwrittenVersionId} reads it and Set-SmSecretVersionStage can label it.");
                    }
                    WriteObject(SecretCopyResult.Written(secret, outcome));
                }
            }
            WriteProgressUpdate(pacer.Complete());
        }
    }
}
