using System;

namespace SecretsManager
{
    /// <summary>The credentials were refused, or are not allowed this action on this secret (AWS's AccessDeniedException, UnrecognizedClientException, InvalidSignatureException, ExpiredTokenException and their kin).</summary>
    public class AccessDeniedException : SecretsManagerException
    {
        /// <summary>Creates the exception; see <see cref="SecretsManagerException"/> for the arguments.</summary>
        public AccessDeniedException(string errorCode, string message, string secretId = null, int? statusCode = null, Exception innerException = null)
            : base(errorCode, message, secretId, statusCode, innerException)
        {
        }
    }
}
