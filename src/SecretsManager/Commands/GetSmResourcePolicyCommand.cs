using System.Management.Automation;
using SecretsManager.Engine;

namespace SecretsManager.Commands
{
    /// <summary>Gets secrets' resource-based policies (GetResourcePolicy). A secret without one gives a null Policy.</summary>
    [Cmdlet(VerbsCommon.Get, "SmResourcePolicy")]
    [OutputType(typeof(ResourcePolicy))]
    public sealed class GetSmResourcePolicyCommand : SecretsManagerCmdlet
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
                if (!TryCall(id, "GetResourcePolicy", () => ClientFor(id).GetResourcePolicy(new GetResourcePolicyRequest { SecretId = id }), out var response)) continue;
                WriteObject(new ResourcePolicy(response.Name ?? SecretArn.NameOf(id), response.ARN ?? SecretArn.ArnOf(id), response.ResourcePolicy));
            }
        }
    }
}
