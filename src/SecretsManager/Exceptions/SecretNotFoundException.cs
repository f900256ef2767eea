using System;

namespace SecretsManager
{
    /// <summary>The secret doesn't exist, or is scheduled for deletion where that hides it (AWS's ResourceNotFoundException).</summary>
    public class SecretNotFoundException : SecretsManagerException
    {
        /// <summary>Creates the exception; see <see cref="SecretsManagerException"/> for the arguments.</summary>
        public SecretNotFoundException(string errorCode, string message, string secretId = null, int? statusCode = null, Exception innerException = null)
            : base(errorCode, message, secretId, statusCode, innerException)
        {
        }
    }
}
