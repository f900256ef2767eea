using System;

namespace SecretsManager.Engine.Errors
{
    /// <summary>
    /// The service could not be reached (connection refused, DNS failure, timeout, TLS failure) after the SDK's
    /// retries. Distinct from <see cref="SecretsManagerServiceException"/>: no answer came back.
    /// </summary>
    public class SecretsManagerConnectionException : Exception
    {
        /// <summary>Creates the exception; the message names the endpoint that could not be reached.</summary>
        public SecretsManagerConnectionException(string message, Exception innerException = null)
            : base(message, innerException)
        {
        }
    }
}
