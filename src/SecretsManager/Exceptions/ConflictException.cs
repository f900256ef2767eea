using System;

namespace SecretsManager
{
    /// <summary>Another writer changed the secret while this change was being made, so it was not applied over theirs.</summary>
    public class ConflictException : SecretsManagerException
    {
        /// <summary>Creates the exception; see <see cref="SecretsManagerException"/> for the arguments.</summary>
        public ConflictException(string errorCode, string message, string secretId = null, int? statusCode = null, Exception innerException = null)
            : base(errorCode, message, secretId, statusCode, innerException)
        {
        }

        /// <summary>For a client-side rotation's conflict (RotationConflict): the pending version of the other run; null otherwise.</summary>
        public string PendingVersionId { get; internal set; }

        /// <summary>For a client-side rotation's conflict: when that pending version was created (UTC); null when not known.</summary>
        public DateTime? PendingCreatedDate { get; internal set; }
    }
}
