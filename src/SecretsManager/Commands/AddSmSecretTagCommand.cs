using System.Collections;
using System.Management.Automation;
using SecretsManager.Conversion;
using SecretsManager.Engine.Model;
using SecretsManager.Validation;

namespace SecretsManager.Commands
{
    /// <summary>Adds tags to secrets, replacing the value of keys that exist (TagResource).</summary>
    [Cmdlet(VerbsCommon.Add, "SmSecretTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(SecretOperationResult))]
    public sealed class AddSmSecretTagCommand : SecretTargetCmdlet
    {
        /// <summary>Tags as a hashtable, e.g. @{ env = 'prod'; team = 'payments' }.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateCount(1, DocumentedRules.TagsMaxCount)]
        [ValidateTags]
        public Hashtable Tag { get; set; }

        /// <inheritdoc/>
        protected override void ProcessSecret(string id)
        {
            if (!ShouldChange($"Add tags {TagConverter.KeyList(Tag)} to secret {Quoted(id)}")) return;
            var request = new TagResourceRequest { SecretId = id, Tags = TagConverter.ToTags(Tag) };
            if (!TryCall(id, "TagResource", () => ClientFor(id).TagResource(request), out _)) return;
            WriteObject(SecretOperationResult.Of("TagResource", id));
        }
    }
}
