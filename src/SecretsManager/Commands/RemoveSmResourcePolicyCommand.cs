using System.Management.Automation;
using SecretsManager.Conversion;
using SecretsManager.Engine.Model;

namespace SecretsManager.Commands
{
    /// <summary>Deletes secrets' resource-based policies (DeleteResourcePolicy).</summary>
    [Cmdlet(VerbsCommon.Remove, "SmResourcePolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SecretOperationResult))]
    public sealed class RemoveSmResourcePolicyCommand : SecretTargetCmdlet
    {
        /// <inheritdoc/>
        protected override void ProcessSecret(string id)
        {
            if (!ShouldChange($"Delete the resource policy of secret {Quoted(id)}")) return;
            if (!TryCall(id, "DeleteResourcePolicy", () => ClientFor(id).DeleteResourcePolicy(new DeleteResourcePolicyRequest { SecretId = id }), out var response)) return;
            WriteObject(SecretOperationResult.Of("DeleteResourcePolicy", id, response.Name, response.ARN));
        }
    }
}
