using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Workflows.Reading
{
    /// <summary>What a BatchGetSecretValue call gave for one requested id: its value, or its error.</summary>
    public sealed class BatchReadResult
    {
        /// <summary>Pairs a requested id with the value or the error the service returned for it.</summary>
        public BatchReadResult(string requestedId, SecretValueEntry value, APIErrorType error)
        {
            RequestedId = requestedId;
            Value = value;
            Error = error;
        }

        /// <summary>The id as the caller asked for it: a name, an ARN or a partial ARN.</summary>
        public string RequestedId { get; }

        /// <summary>The secret's value; null when <see cref="Error"/> is set.</summary>
        public SecretValueEntry Value { get; }

        /// <summary>Why the secret could not be read; null when <see cref="Value"/> is set.</summary>
        public APIErrorType Error { get; }

        /// <summary>Names the id and the outcome; never the value.</summary>
        public override string ToString() => Error != null ? $"{RequestedId}: {Error.ErrorCode}" : $"{RequestedId}: value";
    }
}
