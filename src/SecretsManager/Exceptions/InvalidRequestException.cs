using System;

namespace SecretsManager
{
    /// <summary>The request or one of its parameters was refused, by the cmdlet before sending or by the service (AWS's InvalidRequestException, InvalidParameterException, ValidationException, MalformedPolicyDocumentException, PreconditionNotMetException).</summary>
    public class InvalidRequestException : SecretsManagerException
    {
        /// <summary>Creates the exception; see <see cref="SecretsManagerException"/> for the arguments.</summary>
        public InvalidRequestException(string errorCode, string message, string secretId = null, int? statusCode = null, Exception innerException = null)
            : base(errorCode, message, secretId, statusCode, innerException)
        {
        }
    }
}
