using System;
using System.Collections.Generic;
using System.Linq;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Lookups
{
    /// <summary>The tag keys of a secret, read with DescribeSecret (for completing Remove-SmSecretTag -Key).</summary>
    public static class TagLookup
    {
        /// <summary>The secret's tag keys, sorted.</summary>
        public static IReadOnlyList<string> Keys(ISecretsManagerClient client, string secretId)
        {
            if (client == null) throw new ArgumentNullException(nameof(client));
            var described = client.DescribeSecret(new DescribeSecretRequest { SecretId = secretId });
            return (described.Tags ?? new List<Tag>()).Select(t => t.Key).Where(k => k != null)
                .Distinct(StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal).ToList();
        }
    }
}
