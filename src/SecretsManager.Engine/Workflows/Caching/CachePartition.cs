using System;
using SecretsManager.Engine.Client;

namespace SecretsManager.Engine.Workflows.Caching
{
    /// <summary>
    /// Whose view of Secrets Manager a cache entry belongs to: the endpoint, the region and the credential identity of
    /// the client that read it. Two callers share entries only when all three match, so one identity never sees a value
    /// that only another one may read.
    /// </summary>
    public sealed class CachePartition : IEquatable<CachePartition>
    {
        /// <summary>Creates a partition; the endpoint is compared without case and a trailing '/'.</summary>
        public CachePartition(string endpoint, string region, string credentialIdentity)
        {
            Endpoint = NormalizeEndpoint(endpoint);
            Region = (region ?? string.Empty).ToLowerInvariant();
            CredentialIdentity = credentialIdentity ?? string.Empty;
            Key = Endpoint + "\n" + Region + "\n" + CredentialIdentity;
        }

        /// <summary>The endpoint requests go to, normalized.</summary>
        public string Endpoint { get; }

        /// <summary>The region requests are signed for.</summary>
        public string Region { get; }

        /// <summary>An opaque token of the credentials (never a key).</summary>
        public string CredentialIdentity { get; }

        internal string Key { get; }

        /// <summary>The partition of a client: its resolved endpoint, region and credential identity.</summary>
        public static CachePartition Of(ISecretsManagerClient client)
        {
            if (client == null) throw new ArgumentNullException(nameof(client));
            var resolution = client.Resolution;
            // A client without a resolution (a test double) is a partition of its own.
            if (resolution == null) return new CachePartition("client:" + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(client), null, null);
            return new CachePartition(resolution.Endpoint, resolution.Region, resolution.CredentialIdentity);
        }

        /// <summary>An endpoint URL as the cache compares it.</summary>
        public static string NormalizeEndpoint(string endpoint) => (endpoint ?? string.Empty).Trim().TrimEnd('/').ToLowerInvariant();

        /// <inheritdoc/>
        public bool Equals(CachePartition other) => other != null && string.Equals(Key, other.Key, StringComparison.Ordinal);

        /// <inheritdoc/>
        public override bool Equals(object obj) => Equals(obj as CachePartition);

        /// <inheritdoc/>
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

        /// <summary>The endpoint and region; the identity token is left out.</summary>
        public override string ToString() => $"{Endpoint} ({Region})";
    }
}
