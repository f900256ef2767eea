using System;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Workflows.Reading
{
    /// <summary>What reading one requested id gave: its value, or the service's error for it.</summary>
    public sealed class SecretRead
    {
        /// <summary>Pairs a requested id with its value or its error.</summary>
        public SecretRead(string requestedId, GetSecretValueResponse value, SecretsManagerServiceException error)
        {
            RequestedId = requestedId;
            Value = value;
            Error = error;
        }

        private SecretRead(string requestedId, GetSecretValueResponse value, TimeSpan age, Exception staleBecause, SecretsManagerConnectionException unreachable)
            : this(requestedId, value, null)
        {
            FromCache = value != null;
            Age = age;
            StaleBecause = staleBecause;
            Unreachable = unreachable;
        }

        /// <summary>A value the cache served, <paramref name="age"/> old.</summary>
        public static SecretRead Cached(string requestedId, GetSecretValueResponse value, TimeSpan age) => new SecretRead(requestedId, value, age, null, null);

        /// <summary>An expired value served because the endpoint could not answer (-AllowStale).</summary>
        public static SecretRead Stale(string requestedId, GetSecretValueResponse value, TimeSpan age, Exception because) => new SecretRead(requestedId, value, age, because, null);

        /// <summary>An id the endpoint could not be reached for, with nothing cached to stand in (under -AllowStale).</summary>
        public static SecretRead Unreached(string requestedId, SecretsManagerConnectionException failure) => new SecretRead(requestedId, null, TimeSpan.Zero, null, failure);

        /// <summary>The id as the caller gave it: a name, an ARN or a partial ARN.</summary>
        public string RequestedId { get; }

        /// <summary>The value (GetSecretValue's shape, whichever call read it); null when <see cref="Error"/> is set.</summary>
        public GetSecretValueResponse Value { get; }

        /// <summary>Why this secret could not be read; null when <see cref="Value"/> is set.</summary>
        public SecretsManagerServiceException Error { get; }

        /// <summary>True when the value came from the cache, without a request for it.</summary>
        public bool FromCache { get; }

        /// <summary>How old a cached value is.</summary>
        public TimeSpan Age { get; }

        /// <summary>Set when an expired value stands in for a read the endpoint could not answer: that failure.</summary>
        public Exception StaleBecause { get; }

        /// <summary>
        /// Set when the endpoint could not be reached for this id and nothing was cached for it (only under -AllowStale,
        /// where the ids before it may still be served; otherwise the connection failure is thrown).
        /// </summary>
        public SecretsManagerConnectionException Unreachable { get; }

        /// <summary>Names the id and the outcome; never the value.</summary>
        public override string ToString() =>
            Error != null ? $"{RequestedId}: {Error.ErrorCode}"
            : Unreachable != null ? $"{RequestedId}: unreachable"
            : StaleBecause != null ? $"{RequestedId}: stale value"
            : FromCache ? $"{RequestedId}: cached value"
            : $"{RequestedId}: value";
    }
}
