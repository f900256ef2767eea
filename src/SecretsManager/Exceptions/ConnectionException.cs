using System;

namespace SecretsManager
{
    /// <summary>The endpoint could not be reached, or did not answer within -TimeoutSec.</summary>
    public class ConnectionException : SecretsManagerException
    {
        /// <summary>Creates the exception; see <see cref="SecretsManagerException"/> for the arguments.</summary>
        public ConnectionException(string errorCode, string message, string secretId = null, int? statusCode = null, Exception innerException = null)
            : base(errorCode, message, secretId, statusCode, innerException)
        {
        }
    }
}
