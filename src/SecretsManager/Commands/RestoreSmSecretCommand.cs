using System.Management.Automation;
using SecretsManager.Engine;

namespace SecretsManager.Commands
{
    /// <summary>Cancels the scheduled deletion of secrets (RestoreSecret).</summary>
    [Cmdlet(VerbsData.Restore, "SmSecret", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(SecretOperationResult))]
    public sealed class RestoreSmSecretCommand : SecretsManagerCmdlet
    {
        /// <summary>The secret: its name, ARN or partial ARN. Takes pipeline input.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name", "ARN", "Id")]
        [SecretIdTransformation]
        [ValidateLength(ModelConstraints.SecretIdTypeMinLength, ModelConstraints.SecretIdTypeMaxLength)]
        [ArgumentCompleter(typeof(SecretIdCompleter))]
        public string[] SecretId { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            foreach (string id in SecretId)
            {
                if (!ShouldChange($"Restore secret '{id}' (cancel its scheduled deletion)")) continue;
                if (!TryCall(id, "RestoreSecret", () => ClientFor(id).RestoreSecret(new RestoreSecretRequest { SecretId = id }), out var response)) continue;
                WriteObject(new SecretOperationResult("RestoreSecret", response.Name ?? SecretArn.NameOf(id), response.ARN ?? SecretArn.ArnOf(id)));
            }
        }
    }
}
