using System;

namespace SecretsManager
{
    /// <summary>Nothing could be sent: no region, no credentials, an unknown profile, a bad endpoint URL, a dependency conflict.</summary>
    public class ConfigurationException : SecretsManagerException
    {
        /// <summary>Creates the exception; see <see cref="SecretsManagerException"/> for the arguments.</summary>
        public ConfigurationException(string errorCode, string message, string secretId = null, int? statusCode = null, Exception innerException = null)
            : base(errorCode, message, secretId, statusCode, innerException)
        {
        }
    }
}
