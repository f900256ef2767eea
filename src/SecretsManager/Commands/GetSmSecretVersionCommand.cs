using System.Management.Automation;
using SecretsManager.Conversion;
using SecretsManager.Engine.Model;

namespace SecretsManager.Commands
{
    /// <summary>Lists the versions of secrets with their staging labels (ListSecretVersionIds, every page).</summary>
    [Cmdlet(VerbsCommon.Get, "SmSecretVersion")]
    [OutputType(typeof(SecretVersion))]
    public sealed class GetSmSecretVersionCommand : SecretTargetCmdlet
    {
        /// <summary>Also list deprecated versions (those with no staging label).</summary>
        [Parameter]
        public SwitchParameter IncludeDeprecated { get; set; }

        /// <inheritdoc/>
        protected override void ProcessSecret(string id)
        {
            // Paged here rather than with ListSecretVersionIdsAll: each page also carries the secret's Name and
            // ARN, which the versions need so they can be piped on.
            string token = null;
            do
            {
                var request = new ListSecretVersionIdsRequest
                {
                    SecretId = id,
                    NextToken = token,
                    IncludeDeprecated = IncludeDeprecated.IsPresent ? true : (bool?)null,
                };
                if (!TryCall(id, "ListSecretVersionIds", () => ClientFor(id).ListSecretVersionIds(request), out var page)) break;
                if (page.Versions != null)
                {
                    foreach (var version in page.Versions) WriteObject(SecretVersion.From(version, SecretArn.NameOf(id, page.Name, page.ARN), SecretArn.ArnOf(id, page.ARN)));
                }
                token = page.NextToken;
            }
            while (!string.IsNullOrEmpty(token));
        }
    }
}
