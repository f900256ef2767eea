using System.Management.Automation;
using SecretsManager.Conversion;
using SecretsManager.Engine.Model;

namespace SecretsManager.Commands
{
    /// <summary>Turns off automatic rotation and cancels a rotation in progress (CancelRotateSecret).</summary>
    [Cmdlet(VerbsLifecycle.Stop, "SmRotation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SecretOperationResult))]
    public sealed class StopSmRotationCommand : SecretTargetCmdlet
    {
        /// <inheritdoc/>
        protected override void ProcessSecret(string id)
        {
            if (!ShouldChange($"Turn off rotation of secret {Quoted(id)} (and cancel a rotation in progress)")) return;
            if (!TryCall(id, "CancelRotateSecret", () => ClientFor(id).CancelRotateSecret(new CancelRotateSecretRequest { SecretId = id }), out var response)) return;
            var result = SecretOperationResult.Of("CancelRotateSecret", id, response.Name, response.ARN);
            result.VersionId = response.VersionId;
            WriteObject(result);
        }
    }
}
