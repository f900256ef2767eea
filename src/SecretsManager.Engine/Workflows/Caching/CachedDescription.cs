using System;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Workflows.Caching
{
    /// <summary>
    /// A secret's DescribeSecret answer as the cache holds it (metadata only, no value): served to repeated
    /// descriptions, and the version-to-stage map that revalidates a cached value without reading it again.
    /// Callers treat the response as read-only.
    /// </summary>
    internal sealed class CachedDescription : CacheEntry
    {
        private CachedDescription(DescribeSecretResponse response, DateTime storedAtUtc, int failures, DateTime retryNotBeforeUtc, Exception lastFailure)
            : base(response.ARN, response.Name, storedAtUtc, failures, retryNotBeforeUtc, lastFailure)
        {
            Response = response;
        }

        /// <summary>The answer.</summary>
        public DescribeSecretResponse Response { get; }

        /// <summary>An entry for a DescribeSecret answer.</summary>
        public static CachedDescription From(DescribeSecretResponse response, DateTime nowUtc) => new CachedDescription(response, nowUtc, 0, DateTime.MinValue, null);

        /// <inheritdoc/>
        public override CacheEntry RenewedAt(DateTime nowUtc) => new CachedDescription(Response, nowUtc, 0, DateTime.MinValue, null);

        /// <inheritdoc/>
        public override CacheEntry FailedAt(DateTime nowUtc, Exception failure) => new CachedDescription(Response, StoredAtUtc, Failures + 1, NextTry(nowUtc, Failures + 1), failure);

        /// <summary>Names the secret.</summary>
        public override string ToString() => $"CachedDescription {{ {Arn} }}";
    }
}
