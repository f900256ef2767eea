using System.Linq;
using System.Management.Automation;
using SecretsManager.Completion;
using SecretsManager.Conversion;
using SecretsManager.Engine.Model;

namespace SecretsManager.Commands
{
    /// <summary>Removes tags from secrets by key (UntagResource).</summary>
    [Cmdlet(VerbsCommon.Remove, "SmSecretTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SecretOperationResult))]
    public sealed class RemoveSmSecretTagCommand : SecretTargetCmdlet
    {
        /// <summary>The tag keys to remove.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [Alias("TagKey")]
        [ValidateCount(1, int.MaxValue)]
        [ValidateLength(ModelConstraints.TagKeyTypeMinLength, ModelConstraints.TagKeyTypeMaxLength)]
        [ArgumentCompleter(typeof(TagKeyCompleter))]
        public string[] Key { get; set; }

        /// <inheritdoc/>
        protected override void ProcessSecret(string id)
        {
            if (!ShouldChange($"Remove tags {string.Join(", ", Key.Select(k => "'" + k + "'"))} from secret {Quoted(id)}")) return;
            var request = new UntagResourceRequest { SecretId = id, TagKeys = Key.ToList() };
            if (!TryCall(id, "UntagResource", () => ClientFor(id).UntagResource(request), out _)) return;
            WriteObject(SecretOperationResult.Of("UntagResource", id));
        }
    }
}
