using System;
using System.Collections.Generic;
using System.Linq;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Lookups
{
    /// <summary>Which versions of a secret carry which staging labels, read with ListSecretVersionIds.</summary>
    public static class VersionLookup
    {
        /// <summary>The id of the version that carries <paramref name="stage"/>, or null when none does.</summary>
        public static string HolderOf(ISecretsManagerClient client, string secretId, string stage)
        {
            if (client == null) throw new ArgumentNullException(nameof(client));
            return Versions(client, secretId)
                .FirstOrDefault(v => v.VersionStages != null && v.VersionStages.Contains(stage))?.VersionId;
        }

        /// <summary>Every staging label on the secret's versions, each once, in the order found.</summary>
        public static IReadOnlyList<string> Stages(ISecretsManagerClient client, string secretId) =>
            Versions(client, secretId).SelectMany(v => v.VersionStages ?? new List<string>()).Distinct(StringComparer.Ordinal).ToList();

        /// <summary>The ids of the secret's versions, deprecated ones included, newest first.</summary>
        public static IReadOnlyList<string> VersionIds(ISecretsManagerClient client, string secretId) =>
            Versions(client, secretId).OrderByDescending(v => v.CreatedDate ?? DateTime.MinValue).Select(v => v.VersionId).ToList();

        private static IEnumerable<SecretVersionsListEntry> Versions(ISecretsManagerClient client, string secretId) =>
            client.ListSecretVersionIdsAll(new ListSecretVersionIdsRequest { SecretId = secretId, IncludeDeprecated = true });
    }
}
