using System;
using System.Collections.Generic;
using System.Linq;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Conversion;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Lookups
{
    /// <summary>
    /// The keys of a JSON-object secret's current value, for completing Get-SmSecretValue -Key. Only the key names
    /// leave this class, never a value.
    /// </summary>
    public static class ValueKeyLookup
    {
        /// <summary>The keys of AWSCURRENT, sorted; none when the value is not a JSON object.</summary>
        public static IReadOnlyList<string> Keys(ISecretsManagerClient client, string secretId)
        {
            if (client == null) throw new ArgumentNullException(nameof(client));
            var value = client.GetSecretValue(new GetSecretValueRequest { SecretId = secretId, VersionStage = StagingLabels.Current });
            return SecretJsonKeys.KeysOf(value.SecretString).OrderBy(k => k, StringComparer.Ordinal).ToList();
        }
    }
}
