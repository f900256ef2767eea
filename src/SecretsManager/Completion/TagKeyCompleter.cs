using System.Collections.Generic;
using SecretsManager.Engine;

namespace SecretsManager.Commands
{
    /// <summary>Completes Remove-SmSecretTag -Key with the tag keys of the secret typed.</summary>
    public sealed class TagKeyCompleter : SecretDetailCompleter
    {
        /// <inheritdoc/>
        protected override IReadOnlyList<string> Read(ISecretsManagerClient client, string secretId) => TagLookup.Keys(client, secretId);
    }
}
