using System;
using SecretsManager.Engine.Client;

namespace SecretsManager.Engine.Internal
{
    /// <summary>
    /// Keys the client cache by the options and the AWS_* environment, so changing AWS_REGION or AWS_PROFILE in a
    /// session gives a fresh client instead of a stale cached one.
    /// </summary>
    internal sealed class ClientCacheKey : IEquatable<ClientCacheKey>
    {
        public ClientCacheKey(SecretsManagerClientOptions options, string environment)
        {
            Options = options;
            Environment = environment;
        }

        public SecretsManagerClientOptions Options { get; }

        public string Environment { get; }

        public bool Equals(ClientCacheKey other) =>
            other != null && Options.Equals(other.Options) && string.Equals(Environment, other.Environment, StringComparison.Ordinal);

        public override bool Equals(object obj) => Equals(obj as ClientCacheKey);

        public override int GetHashCode() => unchecked((Options.GetHashCode() * 31) + StringComparer.Ordinal.GetHashCode(Environment));
    }
}
