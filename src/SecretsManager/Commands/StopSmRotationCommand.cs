using System.Management.Automation;
using SecretsManager.Engine;

namespace SecretsManager.Commands
{
    /// <summary>Turns off automatic rotation and cancels a rotation in progress (CancelRotateSecret).</summary>
    [Cmdlet(VerbsLifecycle.Stop, "SmRotation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SecretOperationResult))]
    public sealed class StopSmRotationCommand : SecretsManagerCmdlet
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
                if (!ShouldChange($"Turn off rotation of secret '{id}' (and cancel a rotation in progress)")) continue;
                if (!TryCall(id, "CancelRotateSecret", () => ClientFor(id).CancelRotateSecret(new CancelRotateSecretRequest { SecretId = id }), out var response)) continue;
                WriteObject(new SecretOperationResult("CancelRotateSecret", response.Name ?? SecretArn.NameOf(id), response.ARN ?? SecretArn.ArnOf(id))
                {
                    VersionId = response.VersionId,
                });
            }
        }
    }
}
