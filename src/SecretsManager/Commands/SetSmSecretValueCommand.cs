using System.Linq;
using System.Management.Automation;
using System.Security;
using SecretsManager.Engine;

namespace SecretsManager.Commands
{
    /// <summary>
    /// Stores a new version of a secret's value (PutSecretValue). Without -VersionStage the new version becomes
    /// AWSCURRENT; with it, it gets exactly those labels.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "SmSecretValue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = StringSet)]
    [OutputType(typeof(SecretOperationResult))]
    public sealed class SetSmSecretValueCommand : SecretTargetCmdlet
    {
        private const string StringSet = "SecretString";
        private const string BinarySet = "SecretBinary";

        /// <summary>The value as text: a string, a SecureString, a hashtable/object (stored as JSON) or a PSCredential.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = StringSet)]
        [SecretStringTransformation]
        [ValidateSecretSize]
        public SecureString SecretString { get; set; }

        /// <summary>The value as binary data: a byte[], or the SecretBinary of a value from Get-SmSecretValue.</summary>
        [Parameter(Mandatory = true, ParameterSetName = BinarySet)]
        [SecretBinaryTransformation]
        [ValidateSecretSize]
        public byte[] SecretBinary { get; set; }

        /// <summary>Staging labels for the new version (1–20); default AWSCURRENT.</summary>
        [Parameter]
        [ValidateCount(ModelConstraints.SecretVersionStagesTypeMinLength, ModelConstraints.SecretVersionStagesTypeMaxLength)]
        [ValidateLength(ModelConstraints.SecretVersionStageTypeMinLength, ModelConstraints.SecretVersionStageTypeMaxLength)]
        public string[] VersionStage { get; set; }

        /// <summary>An idempotency token of 32–64 characters; it becomes the new version's id.</summary>
        [Parameter]
        [ValidateLength(ModelConstraints.ClientRequestTokenTypeMinLength, ModelConstraints.ClientRequestTokenTypeMaxLength)]
        public string ClientRequestToken { get; set; }

        /// <summary>The token a rotation function received, when called from one (36–256 characters).</summary>
        [Parameter]
        [ValidateLength(ModelConstraints.RotationTokenTypeMinLength, ModelConstraints.RotationTokenTypeMaxLength)]
        public string RotationToken { get; set; }

        /// <inheritdoc/>
        protected override void ProcessSecret(string id)
        {
            string labels = VersionStage == null ? "AWSCURRENT" : string.Join(", ", VersionStage);
            if (!ShouldChange($"Store a new value in secret '{id}' (labels: {labels})")) return;
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
            WriteObject(new SecretOperationResult("PutSecretValue", response.Name ?? SecretArn.NameOf(id), response.ARN ?? SecretArn.ArnOf(id))
            {
                VersionId = response.VersionId,
                VersionStages = response.VersionStages?.ToArray(),
            });
        }
    }
}
