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

        /// <summary>The id as the caller gave it: a name, an ARN or a partial ARN.</summary>
        public string RequestedId { get; }

        /// <summary>The value (GetSecretValue's shape, whichever call read it); null when <see cref="Error"/> is set.</summary>
        public GetSecretValueResponse Value { get; }

        /// <summary>Why this secret could not be read; null when <see cref="Value"/> is set.</summary>
        public SecretsManagerServiceException Error { get; }

        /// <summary>Names the id and the outcome; never the value.</summary>
        public override string ToString() => Error != null ? $"{RequestedId}: {Error.ErrorCode}" : $"{RequestedId}: value";
    }
}
