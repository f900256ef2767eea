using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using SecretsManager.Completion;
using SecretsManager.Conversion;
using SecretsManager.Engine.Conversion;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Workflows.Merging;
using SecretsManager.Errors;
using SecretsManager.Transformation;
using SecretsManager.Validation;

namespace SecretsManager.Commands
{
    /// <summary>
    /// Stores a new version of a secret's value (PutSecretValue). Without -VersionStage the new version becomes
    /// AWSCURRENT; with it, it gets exactly those labels. -Merge changes only the given keys of a JSON-object value
    /// (<see cref="SecretValueMerger"/>), refusing to overwrite a value another writer stored meanwhile.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "SmSecretValue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = StringSet)]
    [OutputType(typeof(SecretOperationResult))]
    public sealed class SetSmSecretValueCommand : SecretTargetCmdlet
    {
        private const string StringSet = "SecretString";
        private const string BinarySet = "SecretBinary";
        private const string MergeSet = "Merge";

        /// <summary>
        /// The value as text: a string, a SecureString, a hashtable/object (stored as JSON) or a PSCredential. Takes
        /// pipeline input when -SecretId is given by name (Get-SmRandomPassword | Set-SmSecretValue -SecretId x).
        /// </summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = StringSet, ValueFromPipeline = true)]
        [SecretStringTransformation]
        [ValidateSecretSize]
        public SecureString SecretString { get; set; }

        /// <summary>The value as binary data: a byte[], or the SecretBinary of a value from Get-SmSecretValue.</summary>
        [Parameter(Mandatory = true, ParameterSetName = BinarySet)]
        [SecretBinaryTransformation]
        [ValidateSecretSize]
        public byte[] SecretBinary { get; set; }

        /// <summary>
        /// Keys to set in the current JSON-object value, keeping the others, e.g. @{ password = $new }. Values may be
        /// SecureStrings; a $null value removes the key. The merged value becomes AWSCURRENT unless another writer
        /// changed AWSCURRENT meanwhile.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = MergeSet)]
        [ValidateNotNull]
        [ValidateCount(1, int.MaxValue)]
        public Hashtable Merge { get; set; }

        /// <summary>Staging labels for the new version (1–20); default AWSCURRENT.</summary>
        [Parameter(ParameterSetName = StringSet)]
        [Parameter(ParameterSetName = BinarySet)]
        [ValidateCount(ModelConstraints.SecretVersionStagesTypeMinLength, ModelConstraints.SecretVersionStagesTypeMaxLength)]
        [ValidateLength(ModelConstraints.SecretVersionStageTypeMinLength, ModelConstraints.SecretVersionStageTypeMaxLength)]
        [ArgumentCompleter(typeof(VersionStageCompleter))]
        public string[] VersionStage { get; set; }

        /// <summary>An idempotency token of 32–64 characters; it becomes the new version's id.</summary>
        [Parameter]
        [ValidateLength(ModelConstraints.ClientRequestTokenTypeMinLength, ModelConstraints.ClientRequestTokenTypeMaxLength)]
        public string ClientRequestToken { get; set; }

        /// <summary>The token a rotation function received, when called from one (36–256 characters).</summary>
        [Parameter(ParameterSetName = StringSet)]
        [Parameter(ParameterSetName = BinarySet)]
        [ValidateLength(ModelConstraints.RotationTokenTypeMinLength, ModelConstraints.RotationTokenTypeMaxLength)]
        public string RotationToken { get; set; }

        private IDictionary _changes;

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            if (Merge == null) return;
            // The same keys go into every secret: converted and checked once, before any request.
            _changes = MergeValues.ToPlainData(Merge);
            try
            {
                SecretJsonKeys.Merge("{}", _changes);
            }
            catch (ArgumentException e)
            {
                ThrowArgumentError("InvalidMergeValue", $"-Merge takes keys that are not empty and values with a JSON form: {e.Message}");
            }
        }

        /// <inheritdoc/>
        protected override void ProcessSecret(string id)
        {
            if (Merge != null)
            {
                MergeInto(id);
                return;
            }
            string labels = VersionStage == null ? StagingLabels.Current : string.Join(", ", VersionStage);
            if (!ShouldChange($"Store a new value in secret {Quoted(id)} (labels: {labels})")) return;
            var request = new PutSecretValueRequest
            {
                SecretId = id,
                SecretString = SecureStringConverter.ToPlainText(SecretString),
                SecretBinary = SecretBinary,
                VersionStages = VersionStage?.ToList(),
                ClientRequestToken = ClientRequestToken,
                RotationToken = RotationToken,
            };
            if (!TryCall(id, "PutSecretValue", () => ClientFor(id).PutSecretValue(request), out var response)) return;
            var result = SecretOperationResult.Of("PutSecretValue", id, response.Name, response.ARN);
            result.VersionId = response.VersionId;
            result.VersionStages = response.VersionStages?.ToArray();
            WriteObject(result);
        }

        // "Set keys 'a'", "Remove keys 'b'" or both: a $null value removes its key.
        private string MergeDescription()
        {
            var set = new List<string>();
            var remove = new List<string>();
            foreach (DictionaryEntry change in _changes) (change.Value == null ? remove : set).Add("'" + change.Key + "'");
            string setText = set.Count == 0 ? null : "keys " + string.Join(", ", set);
            string removeText = remove.Count == 0 ? null : "keys " + string.Join(", ", remove);
            if (setText != null && removeText != null) return $"Set {setText} and remove {removeText}";
            return setText != null ? "Set " + setText : "Remove " + removeText;
        }

        private void MergeInto(string id)
        {
            if (!ShouldChange($"{MergeDescription()} of secret {Quoted(id)}, keeping its other keys (a new AWSCURRENT version)")) return;
            MergeOutcome outcome = null;
            bool called = TryCall(id, "GetSecretValue, PutSecretValue, UpdateSecretVersionStage", () =>
            {
                try
                {
                    return SecretValueMerger.Merge(ClientFor(id), id, _changes, ClientRequestToken);
                }
                catch (FormatException e)
                {
                    WriteError(ErrorRecordFactory.Local(new SecretValueException("SecretValueNotJson", $"Secret '{id}': {e.Message} -Merge needs a JSON object.", id, innerException: e), ErrorCategory.InvalidData, id));
                    return null;
                }
            }, out outcome);
            if (!called || outcome == null) return;
            if (outcome.Conflict)
            {
                WriteError(ErrorRecordFactory.Local(new ConflictException("MergeConflict", outcome.ConflictMessage, id), ErrorCategory.ResourceBusy, id));
                return;
            }
            if (outcome.Unchanged)
            {
                // Nothing changed, so no result: the cmdlet writes one per secret it changed.
                WriteVerbose($"Secret {Quoted(id)}: the keys already hold these values, so no version was written (AWSCURRENT stays {outcome.VersionId}).");
                return;
            }
            var result = SecretOperationResult.Of("PutSecretValue", id, outcome.Name, outcome.ARN);
            result.VersionId = outcome.VersionId;
            result.VersionStages = outcome.VersionStages;
            WriteObject(result);
        }
    }
}
