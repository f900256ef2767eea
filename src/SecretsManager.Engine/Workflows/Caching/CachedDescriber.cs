using System;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Workflows.Caching
{
    /// <summary>
    /// DescribeSecret through the cache: the metadata behind Get-SmSecret -SecretId -MaxAge and the vault's
    /// Get-SecretInfo and Get-Secret, and the version check that revalidates a cached value.
    /// </summary>
    /// <remarks>
    /// A service error is thrown as the call threw it (the cmdlet reports it per secret), except a transient one under
    /// -AllowStale with an entry to stand in; so is a connection failure.
    /// </remarks>
    public sealed class CachedDescriber
    {
        private readonly CachePolicy _policy;

        /// <summary>Creates a describer for one policy.</summary>
        public CachedDescriber(CachePolicy policy)
        {
            _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        }

        /// <summary>Describes <paramref name="secretId"/> with <paramref name="client"/>, from the cache when the policy allows.</summary>
        public DescriptionRead Describe(ISecretsManagerClient client, string secretId)
        {
            if (client == null) throw new ArgumentNullException(nameof(client));
            if (secretId == null) throw new ArgumentNullException(nameof(secretId));
            var cache = _policy.Cache;
            var partition = CachePartition.Of(client);
            if (!_policy.UsesCache)
            {
                CallNotices.Add($"DescribeSecret '{secretId}'");
                var fresh = client.DescribeSecret(new DescribeSecretRequest { SecretId = secretId });
                // A fresh answer replaces what the cache holds, so a later cached read is never older than this one.
                if (cache.Contains(partition, secretId, SecretCache.DescriptionSelector)) cache.Store(partition, secretId, SecretCache.DescriptionSelector, CachedDescription.From(fresh, cache.UtcNow), cache.Generation);
                return new DescriptionRead(fresh, false, TimeSpan.Zero, null);
            }
            DateTime now = cache.UtcNow;
            var entry = cache.Find(partition, secretId, SecretCache.DescriptionSelector) as CachedDescription;
            if (_policy.IsFresh(entry, false, now))
            {
                CallNotices.Add($"DescribeSecret '{secretId}': from the cache ({Seconds(entry.AgeAt(now))} old)");
                return new DescriptionRead(entry.Response, true, entry.AgeAt(now), null);
            }
            if (_policy.AllowStale && entry != null && entry.BackingOffAt(now))
            {
                // A refresh failed a moment ago: serve the entry again without a request until the back-off ends.
                return new DescriptionRead(entry.Response, true, entry.AgeAt(now), entry.LastFailure);
            }
            long generation = cache.Generation;
            DescribeSecretResponse response;
            try
            {
                CallNotices.Add($"DescribeSecret '{secretId}'");
                response = client.DescribeSecret(new DescribeSecretRequest { SecretId = secretId });
            }
            catch (Exception e) when (_policy.AllowStale && entry != null && CacheFailures.IsTransient(e))
            {
                cache.Replace(partition, SecretCache.DescriptionSelector, entry, entry.FailedAt(cache.UtcNow, e));
                return new DescriptionRead(entry.Response, true, entry.AgeAt(now), e);
            }
            cache.Store(partition, secretId, SecretCache.DescriptionSelector, CachedDescription.From(response, cache.UtcNow), generation);
            return new DescriptionRead(response, false, TimeSpan.Zero, null);
        }

        /// <summary>An age in words for -Verbose, e.g. "12 s".</summary>
        internal static string Seconds(TimeSpan age) => age.TotalSeconds < 10 ? $"{age.TotalSeconds:0.#} s" : $"{age.TotalSeconds:0} s";
    }
}
