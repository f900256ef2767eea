using System.Management.Automation;
using SecretsManager.Conversion;
using SecretsManager.Engine.Model;

namespace SecretsManager.Commands
{
    /// <summary>Gets secrets' resource-based policies (GetResourcePolicy). A secret without one gives a null Policy.</summary>
    [Cmdlet(VerbsCommon.Get, "SmResourcePolicy")]
    [OutputType(typeof(ResourcePolicy))]
    public sealed class GetSmResourcePolicyCommand : SecretTargetCmdlet
    {
        /// <inheritdoc/>
        protected override void ProcessSecret(string id)
        {
            if (!TryCall(id, "GetResourcePolicy", () => ClientFor(id).GetResourcePolicy(new GetResourcePolicyRequest { SecretId = id }), out var response)) return;
            WriteObject(new ResourcePolicy(SecretArn.NameOf(id, response.Name, response.ARN), SecretArn.ArnOf(id, response.ARN), response.ResourcePolicy));
        }
    }
}
