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
    }
}
