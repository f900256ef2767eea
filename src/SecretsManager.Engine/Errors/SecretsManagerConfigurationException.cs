using System;

namespace SecretsManager.Engine.Errors
{
    /// <summary>
    /// The client could not be configured: no region, no credentials, an unknown or broken profile, or an invalid
    /// endpoint. The message says what to set. Nothing was sent to the service.
    /// </summary>
    public class SecretsManagerConfigurationException : Exception
    {
        /// <summary>Creates the exception with a message that says what to set.</summary>
        public SecretsManagerConfigurationException(string message, Exception innerException = null)
            : base(message, innerException)
        {
        }
    }
}
