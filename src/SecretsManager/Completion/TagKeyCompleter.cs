using System.Collections.Generic;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Lookups;

namespace SecretsManager.Completion
{
    /// <summary>Completes Remove-SmSecretTag -Key with the tag keys of the secret typed.</summary>
    public sealed class TagKeyCompleter : SecretDetailCompleter
    {
        /// <inheritdoc/>
        protected override IReadOnlyList<string> Read(ISecretsManagerClient client, string secretId) => TagLookup.Keys(client, secretId);
    }
}
