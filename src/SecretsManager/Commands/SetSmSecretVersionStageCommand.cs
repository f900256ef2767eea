using System;
using System.Management.Automation;
using SecretsManager.Completion;
using SecretsManager.Conversion;
using SecretsManager.Engine.Lookups;
using SecretsManager.Engine.Model;
using SecretsManager.Errors;
using SecretsManager.Validation;

namespace SecretsManager.Commands
{
    /// <summary>
    /// Moves or removes a staging label (UpdateSecretVersionStage). Moving or removing AWSCURRENT changes what every
    /// reader gets, so it is confirmed like a high-impact change unless -Force.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "SmSecretVersionStage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SecretOperationResult))]
    public sealed class SetSmSecretVersionStageCommand : SecretTargetCmdlet
    {
        /// <summary>The staging label to move or remove, e.g. AWSCURRENT.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateLength(ModelConstraints.SecretVersionStageTypeMinLength, ModelConstraints.SecretVersionStageTypeMaxLength)]
        [ArgumentCompleter(typeof(VersionStageCompleter))]
        public string VersionStage { get; set; }

        /// <summary>
        /// The version that gets the label. Binds from the VersionId of piped objects (Get-SmSecretVersion,
        /// Get-SmSecretValue, Set-SmSecretValue results), so a listed version can be promoted by pipeline.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("VersionId")]
        [AllowNull]
        [ValidateOptionalLength(ModelConstraints.SecretVersionIdTypeMinLength, ModelConstraints.SecretVersionIdTypeMaxLength)]
        [ArgumentCompleter(typeof(VersionIdCompleter))]
        public string MoveToVersionId { get; set; }

        /// <summary>The version that loses the label; default the version that holds it now (looked up).</summary>
        [Parameter]
        [ValidateLength(ModelConstraints.SecretVersionIdTypeMinLength, ModelConstraints.SecretVersionIdTypeMaxLength)]
        [ArgumentCompleter(typeof(VersionIdCompleter))]
        public string RemoveFromVersionId { get; set; }

        /// <summary>Don't ask for confirmation when AWSCURRENT moves.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            // Piped objects may still bring a VersionId for -MoveToVersionId; each is checked in ProcessRecord.
            if (MoveToVersionId == null && RemoveFromVersionId == null && !MyInvocation.ExpectingInput)
            {
                ThrowArgumentError("NoVersionGiven", NoVersionMessage);
            }
        }

        /// <inheritdoc/>
        protected override void ProcessSecret(string id)
        {
            bool current = string.Equals(VersionStage, StagingLabels.Current, StringComparison.Ordinal);
            if (MoveToVersionId == null && RemoveFromVersionId == null)
            {
                // This piped object had no VersionId: an error for it alone, the pipeline goes on.
                WriteError(ErrorRecordFactory.Local(new InvalidRequestException("NoVersionGiven", $"Secret '{id}': {NoVersionMessage}", id), ErrorCategory.InvalidArgument, id));
                return;
            }
            string removeFrom = RemoveFromVersionId;
            if (removeFrom == null && MoveToVersionId != null)
            {
                // The label must be taken from the version that holds it: look it up rather than make the user type it.
                if (!TryCall(id, "ListSecretVersionIds", () => VersionLookup.HolderOf(ClientFor(id), id, VersionStage), out removeFrom)) return;
                if (removeFrom == MoveToVersionId) removeFrom = null;
            }
            string description = Describe(id, removeFrom);
            bool proceed = current ? ShouldChangeHighImpact(description, Force) : ShouldChange(description, Force);
            if (!proceed) return;
            var request = new UpdateSecretVersionStageRequest
            {
                SecretId = id,
                VersionStage = VersionStage,
                MoveToVersionId = MoveToVersionId,
                RemoveFromVersionId = removeFrom,
            };
            if (!TryCall(id, "UpdateSecretVersionStage", () => ClientFor(id).UpdateSecretVersionStage(request), out var response)) return;
            var result = SecretOperationResult.Of("UpdateSecretVersionStage", id, response.Name, response.ARN);
            result.VersionId = MoveToVersionId ?? removeFrom;
            WriteObject(result);
        }

        private const string NoVersionMessage =
            "Set-SmSecretVersionStage needs -MoveToVersionId (or a piped object with a VersionId), -RemoveFromVersionId, or both.";

        private string Describe(string id, string removeFrom)
        {
            if (MoveToVersionId == null) return $"Remove label '{VersionStage}' from version {removeFrom} of secret {Quoted(id)}";
            string from = removeFrom == null ? string.Empty : $" (from version {removeFrom})";
            return $"Move label '{VersionStage}' of secret {Quoted(id)} to version {MoveToVersionId}{from}";
        }
    }
}
