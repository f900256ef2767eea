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

        /// <summary>Creates the exception for no credentials found anywhere (<see cref="NoCredentials"/>).</summary>
        internal static SecretsManagerConfigurationException ForNoCredentials(string message, Exception innerException) =>
            new SecretsManagerConfigurationException(message, innerException) { NoCredentials = true };

        /// <summary>
        /// True when no credentials were found anywhere (no parameter, environment, profile or default chain), so a
        /// caller whose credentials serve more than one side can say which parameters set them.
        /// </summary>
        public bool NoCredentials { get; private set; }
    }
}
