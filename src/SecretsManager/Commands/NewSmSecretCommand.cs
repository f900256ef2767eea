using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Security;
using SecretsManager.Completion;
using SecretsManager.Conversion;
using SecretsManager.Engine.Model;
using SecretsManager.Transformation;
using SecretsManager.Validation;

namespace SecretsManager.Commands
{
    /// <summary>Creates a secret (CreateSecret), optionally with a first value, tags and replicas.</summary>
    [Cmdlet(VerbsCommon.New, "SmSecret", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = StringSet)]
    [OutputType(typeof(SecretOperationResult))]
    public sealed class NewSmSecretCommand : SecretsManagerCmdlet
    {
        private const string StringSet = "SecretString";
        private const string BinarySet = "SecretBinary";

        /// <summary>The new secret's name: 1–512 of A-Z a-z 0-9 / _ + = . @ -. Takes names from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        // A piped SecureString or PSCredential must not become a secret named after its type.
        [SecretIdTransformation("Name")]
        [ValidateLength(ModelConstraints.NameTypeMinLength, ModelConstraints.NameTypeMaxLength)]
        [ValidatePattern(DocumentedRules.SecretNamePattern)]
        public string Name { get; set; }

        /// <summary>The value as text: a string, a SecureString, a hashtable/object (stored as JSON) or a PSCredential.</summary>
        [Parameter(Position = 1, ParameterSetName = StringSet, ValueFromPipelineByPropertyName = true)]
        [SecretStringTransformation]
        [ValidateSecretSize]
        public SecureString SecretString { get; set; }

        /// <summary>The value as binary data: a byte[], or the SecretBinary of a value from Get-SmSecretValue.</summary>
        [Parameter(Mandatory = true, ParameterSetName = BinarySet)]
        [SecretBinaryTransformation]
        [ValidateSecretSize]
        public byte[] SecretBinary { get; set; }

        /// <summary>A description of up to 2048 characters.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateLength(ModelConstraints.DescriptionTypeMinLength, ModelConstraints.DescriptionTypeMaxLength)]
        [ValidateUtf16]
        public string Description { get; set; }

        /// <summary>The KMS key (ARN, key id or alias) that encrypts the value; default aws/secretsmanager.</summary>
        [Parameter]
        [ValidateLength(ModelConstraints.KmsKeyIdTypeMinLength, ModelConstraints.KmsKeyIdTypeMaxLength)]
        public string KmsKeyId { get; set; }

        /// <summary>
        /// For a managed external secret: the partner's secret type, such as SalesforceClientSecret (0–256 characters;
        /// tab completion offers the documented partner types).
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateLength(ModelConstraints.MedeaTypeTypeMinLength, ModelConstraints.MedeaTypeTypeMaxLength)]
        [ValidateUtf16]
        [ArgumentCompleter(typeof(ManagedExternalSecretTypeCompleter))]
        public string Type { get; set; }

        /// <summary>Tags as a hashtable, e.g. @{ env = 'prod' }.</summary>
        [Parameter]
        [ValidateTags]
        public Hashtable Tag { get; set; }

        /// <summary>Regions to replicate to: names, or @{ Region = '…'; KmsKeyId = '…' } entries.</summary>
        [Parameter]
        [ReplicaRegionTransformation]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public ReplicaRegionType[] ReplicaRegion { get; set; }

        /// <summary>Overwrite a secret of the same name in a replica region.</summary>
        [Parameter]
        public SwitchParameter ForceOverwriteReplicaSecret { get; set; }

        /// <summary>
        /// A value from Get-SmSecretValue, to copy a secret (e.g. to another region): its Name and SecretString bind
        /// by property name, and this carries a binary value, which has no parameter of its own to bind to in the
        /// same parameter set as -SecretString.
        /// </summary>
        [Parameter(ValueFromPipeline = true)]
        public SecretValue InputObject { get; set; }

        /// <summary>An idempotency token of 32–64 characters; it becomes the first version's id.</summary>
        [Parameter]
        [ValidateLength(ModelConstraints.ClientRequestTokenTypeMinLength, ModelConstraints.ClientRequestTokenTypeMaxLength)]
        public string ClientRequestToken { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            string replicas = ReplicaRegion == null || ReplicaRegion.Length == 0
                ? string.Empty
                : $" replicated to {string.Join(", ", ReplicaRegion.Select(r => r.Region))}";
            if (!ShouldChange($"Create secret '{Name}'{replicas}")) return;

            // A piped binary value: -SecretBinary can't bind from it (the binder settles on -SecretString's set first).
            byte[] binary = SecretBinary ?? (SecretString == null ? InputObject?.SecretBinary?.ToArray() : null);
            var request = new CreateSecretRequest
            {
                Name = Name,
                SecretString = SecureStringConverter.ToPlainText(SecretString),
                SecretBinary = binary,
                Description = Description,
                KmsKeyId = KmsKeyId,
                Type = Type,
                Tags = TagConverter.ToTags(Tag),
                AddReplicaRegions = ReplicaRegion?.ToList(),
                ForceOverwriteReplicaSecret = ForceOverwriteReplicaSecret.IsPresent ? true : (bool?)null,
                ClientRequestToken = ClientRequestToken,
            };
            if (!TryCall(Name, "CreateSecret", () => Client.CreateSecret(request), out var response)) return;
            WriteObject(new SecretOperationResult("CreateSecret", response.Name ?? Name, response.ARN)
            {
                VersionId = response.VersionId,
                ReplicationStatus = SecretReplicaStatus.FromList(response.ReplicationStatus),
            });
        }
    }
}
