using System.Management.Automation;
using SecretsManager.Engine;

namespace SecretsManager.Commands
{
    /// <summary>Deletes secrets' resource-based policies (DeleteResourcePolicy).</summary>
    [Cmdlet(VerbsCommon.Remove, "SmResourcePolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SecretOperationResult))]
    public sealed class RemoveSmResourcePolicyCommand : SecretsManagerCmdlet
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
                if (!ShouldChange($"Delete the resource policy of secret '{id}'")) continue;
                if (!TryCall(id, "DeleteResourcePolicy", () => ClientFor(id).DeleteResourcePolicy(new DeleteResourcePolicyRequest { SecretId = id }), out var response)) continue;
                WriteObject(new SecretOperationResult("DeleteResourcePolicy", response.Name ?? SecretArn.NameOf(id), response.ARN ?? SecretArn.ArnOf(id)));
            }
        }
    }
}
