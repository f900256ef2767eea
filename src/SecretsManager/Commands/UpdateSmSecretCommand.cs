using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using SecretsManager.Completion;
using SecretsManager.Conversion;
using SecretsManager.Engine.Model;
using SecretsManager.Transformation;
using SecretsManager.Validation;

namespace SecretsManager.Commands
{
    /// <summary>Changes a secret's description, KMS key, partner type or value (UpdateSecret). A new value becomes AWSCURRENT.</summary>
    [Cmdlet(VerbsData.Update, "SmSecret", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = StringSet)]
    [OutputType(typeof(SecretOperationResult))]
    public sealed class UpdateSmSecretCommand : SecretTargetCmdlet
    {
        private const string StringSet = "SecretString";
        private const string BinarySet = "SecretBinary";

        /// <summary>A new value as text: a string, a SecureString, a hashtable/object (stored as JSON) or a PSCredential.</summary>
        [Parameter(ParameterSetName = StringSet)]
        [SecretStringTransformation]
        [ValidateSecretSize]
        public SecureString SecretString { get; set; }

        /// <summary>A new value as binary data: a byte[], or the SecretBinary of a value from Get-SmSecretValue.</summary>
        [Parameter(Mandatory = true, ParameterSetName = BinarySet)]
        [SecretBinaryTransformation]
        [ValidateSecretSize]
        public byte[] SecretBinary { get; set; }

        /// <summary>A new description of up to 2048 characters.</summary>
        [Parameter]
        [ValidateLength(ModelConstraints.DescriptionTypeMinLength, ModelConstraints.DescriptionTypeMaxLength)]
        [ValidateUtf16]
        public string Description { get; set; }

        /// <summary>A new KMS key for the value.</summary>
        [Parameter]
        [ValidateLength(ModelConstraints.KmsKeyIdTypeMinLength, ModelConstraints.KmsKeyIdTypeMaxLength)]
        public string KmsKeyId { get; set; }

        /// <summary>
        /// For a managed external secret: the partner's secret type, such as SalesforceClientSecret (0–256 characters;
        /// tab completion offers the documented partner types).
        /// </summary>
        [Parameter]
        [ValidateLength(ModelConstraints.MedeaTypeTypeMinLength, ModelConstraints.MedeaTypeTypeMaxLength)]
        [ValidateUtf16]
        [ArgumentCompleter(typeof(ManagedExternalSecretTypeCompleter))]
        public string Type { get; set; }

        /// <summary>An idempotency token of 32–64 characters; it becomes the new version's id.</summary>
        [Parameter]
        [ValidateLength(ModelConstraints.ClientRequestTokenTypeMinLength, ModelConstraints.ClientRequestTokenTypeMaxLength)]
        public string ClientRequestToken { get; set; }

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            if (SecretString == null && SecretBinary == null && Description == null && KmsKeyId == null && Type == null)
            {
                ThrowArgumentError("NothingToUpdate", "Update-SmSecret needs at least one of -SecretString, -SecretBinary, -Description, -KmsKeyId or -Type.");
            }
        }

        /// <inheritdoc/>
        protected override void ProcessSecret(string id)
        {
            var changes = new List<string>();
            if (Description != null) changes.Add("description");
            if (KmsKeyId != null) changes.Add("KMS key");
            if (Type != null) changes.Add($"type '{Type}'");
            if (SecretString != null || SecretBinary != null) changes.Add("value (a new AWSCURRENT version)");
            if (!ShouldChange($"Update secret {Quoted(id)}: {string.Join(", ", changes)}")) return;
            var request = new UpdateSecretRequest
            {
                SecretId = id,
                SecretString = SecureStringConverter.ToPlainText(SecretString),
                SecretBinary = SecretBinary,
                Description = Description,
                KmsKeyId = KmsKeyId,
                Type = Type,
                ClientRequestToken = ClientRequestToken,
            };
            if (!TryCall(id, "UpdateSecret", () => ClientFor(id).UpdateSecret(request), out var response)) return;
            var result = SecretOperationResult.Of("UpdateSecret", id, response.Name, response.ARN);
            result.VersionId = response.VersionId;
            WriteObject(result);
        }
    }
}
