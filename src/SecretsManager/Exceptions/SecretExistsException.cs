using System;

namespace SecretsManager
{
    /// <summary>A secret of that name already exists, or the version already exists with another value (AWS's ResourceExistsException).</summary>
    public class SecretExistsException : SecretsManagerException
    {
        /// <summary>Creates the exception; see <see cref="SecretsManagerException"/> for the arguments.</summary>
        public SecretExistsException(string errorCode, string message, string secretId = null, int? statusCode = null, Exception innerException = null)
            : base(errorCode, message, secretId, statusCode, innerException)
        {
        }
    }
}
