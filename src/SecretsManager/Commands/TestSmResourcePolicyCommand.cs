using System.Management.Automation;
using SecretsManager.Completion;
using SecretsManager.Engine.Model;
using SecretsManager.Transformation;
using SecretsManager.Validation;

namespace SecretsManager.Commands
{
    /// <summary>Checks a resource-based policy (ValidateResourcePolicy), on its own or for a given secret.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "SmResourcePolicy")]
    [OutputType(typeof(PolicyValidation))]
    public sealed class TestSmResourcePolicyCommand : SecretsManagerCmdlet
    {
        /// <summary>
        /// The policy: a JSON string, a hashtable/object that is converted to JSON, or a ResourcePolicy. Binds from
        /// the Policy of piped objects, so the policies Get-SmResourcePolicy reads can be checked in one pipeline.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ResourcePolicy")]
        [PolicyDocumentTransformation]
        [ValidateLength(ModelConstraints.NonEmptyResourcePolicyTypeMinLength, ModelConstraints.NonEmptyResourcePolicyTypeMaxLength)]
        [ValidateUtf16]
        public string Policy { get; set; }

        /// <summary>The secret the policy is meant for (optional). Takes pipeline input.</summary>
        [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name", "ARN", "Id")]
        [SecretIdTransformation]
        [ValidateLength(ModelConstraints.SecretIdTypeMinLength, ModelConstraints.SecretIdTypeMaxLength)]
        [ArgumentCompleter(typeof(SecretIdCompleter))]
        public string[] SecretId { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            foreach (string id in SecretId ?? new string[] { null })
            {
                var request = new ValidateResourcePolicyRequest { SecretId = id, ResourcePolicy = Policy };
                if (!TryCall(id, "ValidateResourcePolicy", () => ClientFor(id).ValidateResourcePolicy(request), out var response)) continue;
                WriteObject(PolicyValidation.From(response, id));
            }
        }
    }
}
