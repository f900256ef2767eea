using System;
using System.Collections.Generic;
using SecretsManager.Engine.Internal;

namespace SecretsManager.Engine.Client
{
    /// <summary>
    /// Creates Secrets Manager clients. Region, credentials and endpoint are resolved when the client is created,
    /// so configuration problems surface here as <see cref="SecretsManagerConfigurationException"/>.
    /// </summary>
    public static class SecretsManagerClientFactory
    {
        private static readonly object CacheLock = new object();
        private static readonly Dictionary<ClientCacheKey, ISecretsManagerClient> Cache = new Dictionary<ClientCacheKey, ISecretsManagerClient>();

        /// <summary>Creates a new client that the caller owns and disposes.</summary>
        public static ISecretsManagerClient Create(SecretsManagerClientOptions options)
        {
            return ClientBuilder.Build((options ?? new SecretsManagerClientOptions()).Clone(), ownedByCache: false);
        }

        /// <summary>
        /// Returns the cached client for these options (and the current AWS_* environment variables), creating it
        /// on first use. The cache owns the client: disposing it is a no-op, so callers may use <c>using</c> safely.
        /// </summary>
        public static ISecretsManagerClient GetOrCreate(SecretsManagerClientOptions options)
        {
            var key = new ClientCacheKey((options ?? new SecretsManagerClientOptions()).Clone(), EnvironmentSnapshot.Capture());
            lock (CacheLock)
            {
                if (!Cache.TryGetValue(key, out ISecretsManagerClient client))
                {
                    // Built under the lock: a failure (e.g. no region) caches nothing and is thrown to the caller.
                    client = ClientBuilder.Build(key.Options, ownedByCache: true);
                    Cache.Add(key, client);
                }
                return client;
            }
        }
    }
}
