using System;

namespace SecretsManager
{
    /// <summary>The secret was read, but its value isn't what was asked for: not JSON, no such key, binary where text was asked, no username and password.</summary>
    public class SecretValueException : SecretsManagerException
    {
        /// <summary>Creates the exception; see <see cref="SecretsManagerException"/> for the arguments.</summary>
        public SecretValueException(string errorCode, string message, string secretId = null, int? statusCode = null, Exception innerException = null)
            : base(errorCode, message, secretId, statusCode, innerException)
        {
        }
    }
}
