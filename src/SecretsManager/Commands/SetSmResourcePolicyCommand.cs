using System.Management.Automation;
using SecretsManager.Conversion;
using SecretsManager.Engine.Model;
using SecretsManager.Transformation;
using SecretsManager.Validation;

namespace SecretsManager.Commands
{
    /// <summary>Attaches a resource-based policy to secrets, replacing any existing one (PutResourcePolicy).</summary>
    [Cmdlet(VerbsCommon.Set, "SmResourcePolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SecretOperationResult))]
    public sealed class SetSmResourcePolicyCommand : SecretTargetCmdlet
    {
        /// <summary>
        /// The policy: a JSON string, a hashtable/object that is converted to JSON, or a ResourcePolicy from
        /// Get-SmResourcePolicy. Binds from the Policy of piped objects, so a policy can be copied to other secrets.
        /// </summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("ResourcePolicy")]
        [PolicyDocumentTransformation]
        [ValidateLength(ModelConstraints.NonEmptyResourcePolicyTypeMinLength, ModelConstraints.NonEmptyResourcePolicyTypeMaxLength)]
        [ValidateUtf16]
        public string Policy { get; set; }

        /// <summary>Refuse a policy that grants broad (public) access, e.g. a '*' principal.</summary>
        [Parameter]
        public SwitchParameter BlockPublicPolicy { get; set; }

        /// <inheritdoc/>
        protected override void ProcessSecret(string id)
        {
            string block = BlockPublicPolicy ? " (public access blocked)" : string.Empty;
            if (!ShouldChange($"Replace the resource policy of secret {Quoted(id)}{block}")) return;
            var request = new PutResourcePolicyRequest
            {
                SecretId = id,
                ResourcePolicy = Policy,
                BlockPublicPolicy = BlockPublicPolicy.IsPresent ? true : (bool?)null,
            };
            if (!TryCall(id, "PutResourcePolicy", () => ClientFor(id).PutResourcePolicy(request), out var response)) return;
            WriteObject(SecretOperationResult.Of("PutResourcePolicy", id, response.Name, response.ARN));
        }
    }
}
