using System;
using System.Collections.Generic;
using SecretsManager.Engine.Internal;

namespace SecretsManager.Engine.Workflows.Caching
{
    /// <summary>
    /// The one place where the module's own writes reach the read cache: the engine's client reports every call of an
    /// operation that can change a secret (a new value, stage moves, delete and restore, rotation, tags, replication,
    /// an update) and this evicts every entry of that secret. Workflows (merge, rotation) write through the client, so
    /// they are covered without knowing about the cache.
    /// </summary>
    internal static class SecretCacheWrites
    {
        // Everything else may change what a read or a description answers; a new operation evicts until listed here.
        private static readonly HashSet<string> ReadOnly = new HashSet<string>(StringComparer.Ordinal)
        {
            "GetSecretValue", "BatchGetSecretValue", "DescribeSecret", "ListSecrets", "ListSecretVersionIds",
            "GetRandomPassword", "GetResourcePolicy", "ValidateResourcePolicy",
        };

        /// <summary>True when a call of <paramref name="operation"/> must evict what it names.</summary>
        public static bool Changes(string operation) => !ReadOnly.Contains(operation);

        /// <summary>
        /// After a call that may have changed a secret, whether it succeeded, failed or its answer was lost: evicts the
        /// secret it named and the ARN and name its answer gave.
        /// </summary>
        public static void After(string operation, object request, object response)
        {
            if (!Changes(operation)) return;
            var ids = new List<string>(3) { OutcomeVerifier.TargetOf(request) };
            if (response != null)
            {
                ids.Add(response.GetType().GetProperty("ARN")?.GetValue(response) as string);
                ids.Add(response.GetType().GetProperty("Name")?.GetValue(response) as string);
            }
            SecretCache.EvictEverywhere(ids);
        }
    }
}
