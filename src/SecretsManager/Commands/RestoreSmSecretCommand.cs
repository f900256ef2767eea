using System.Management.Automation;
using SecretsManager.Conversion;
using SecretsManager.Engine.Model;

namespace SecretsManager.Commands
{
    /// <summary>Cancels the scheduled deletion of secrets (RestoreSecret).</summary>
    [Cmdlet(VerbsData.Restore, "SmSecret", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(SecretOperationResult))]
    public sealed class RestoreSmSecretCommand : SecretTargetCmdlet
    {
        /// <inheritdoc/>
        protected override void ProcessSecret(string id)
        {
            if (!ShouldChange($"Restore secret {Quoted(id)} (cancel its scheduled deletion)")) return;
            if (!TryCall(id, "RestoreSecret", () => ClientFor(id).RestoreSecret(new RestoreSecretRequest { SecretId = id }), out var response)) return;
            WriteObject(SecretOperationResult.Of("RestoreSecret", id, response.Name, response.ARN));
        }
    }
}
