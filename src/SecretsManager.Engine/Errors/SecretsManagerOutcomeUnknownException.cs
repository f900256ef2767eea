using System;

namespace SecretsManager.Engine.Errors
{
    /// <summary>
    /// A change whose answer was lost (a dropped connection, a timeout, a 5xx after an attempt may have been applied),
    /// and whose effect could not be confirmed either way. The change may have been applied. For operations with a
    /// ClientRequestToken, repeating the call with <see cref="ClientRequestToken"/> is safe: it can't apply twice.
    /// </summary>
    public class SecretsManagerOutcomeUnknownException : Exception
    {
        /// <summary>Creates the exception; <paramref name="innerException"/> is the failure that lost the answer.</summary>
        public SecretsManagerOutcomeUnknownException(string operation, string target, string clientRequestToken, string message, Exception innerException)
            : base(message, innerException)
        {
            Operation = operation;
            Target = target;
            ClientRequestToken = clientRequestToken;
        }

        /// <summary>The operation, e.g. PutSecretValue.</summary>
        public string Operation { get; }

        /// <summary>The secret the change was for.</summary>
        public string Target { get; }

        /// <summary>The token every attempt sent, to repeat the call safely; null for operations without one.</summary>
        public string ClientRequestToken { get; }
    }
}
