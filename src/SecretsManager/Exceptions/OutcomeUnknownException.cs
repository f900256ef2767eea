using System;

namespace SecretsManager
{
    /// <summary>
    /// A change whose answer was lost and whose effect could not be confirmed: it may or may not have been applied.
    /// Repeating the command with <see cref="ClientRequestToken"/> (where the operation takes one) can't apply it twice.
    /// </summary>
    public class OutcomeUnknownException : SecretsManagerException
    {
        /// <summary>Creates the exception; see <see cref="SecretsManagerException"/> for the arguments.</summary>
        public OutcomeUnknownException(string operation, string clientRequestToken, string message, string secretId = null, Exception innerException = null)
            : base("OutcomeUnknown", message, secretId, null, innerException)
        {
            Operation = operation;
            ClientRequestToken = clientRequestToken;
        }

        /// <summary>The operation whose answer was lost, e.g. PutSecretValue.</summary>
        public string Operation { get; }

        /// <summary>The token every attempt sent, to repeat the change safely; null for operations without one.</summary>
        public string ClientRequestToken { get; }
    }
}
