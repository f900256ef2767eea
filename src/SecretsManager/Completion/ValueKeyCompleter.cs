using System.Collections.Generic;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Lookups;

namespace SecretsManager.Completion
{
    /// <summary>
    /// Completes Get-SmSecretValue -Key with the keys of the JSON secret typed (read once a minute, key names only);
    /// offers nothing, never file names, when no single secret is typed or its value is not a JSON object.
    /// </summary>
    public sealed class ValueKeyCompleter : SecretDetailCompleter
    {
        /// <inheritdoc/>
        protected override IReadOnlyList<string> Read(ISecretsManagerClient client, string secretId) => ValueKeyLookup.Keys(client, secretId);
    }
}
