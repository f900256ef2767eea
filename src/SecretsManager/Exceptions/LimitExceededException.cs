using System;

namespace SecretsManager
{
    /// <summary>Throttled, or over a quota: try again later, or slower (AWS's ThrottlingException, LimitExceededException, TooManyRequestsException).</summary>
    public class LimitExceededException : SecretsManagerException
    {
        /// <summary>Creates the exception; see <see cref="SecretsManagerException"/> for the arguments.</summary>
        public LimitExceededException(string errorCode, string message, string secretId = null, int? statusCode = null, Exception innerException = null)
            : base(errorCode, message, secretId, statusCode, innerException)
        {
        }
    }
}
