using System.Collections.Generic;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Lookups;

namespace SecretsManager.Completion
{
    /// <summary>Completes -VersionId (and -MoveToVersionId, -RemoveFromVersionId) with the versions of the secret typed, newest first.</summary>
    public sealed class VersionIdCompleter : SecretDetailCompleter
    {
        /// <inheritdoc/>
        protected override IReadOnlyList<string> Read(ISecretsManagerClient client, string secretId) => VersionLookup.VersionIds(client, secretId);
    }
}
