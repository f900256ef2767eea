using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Workflows.Copying
{
    /// <summary>One secret to compare or copy, as the source listing found it, or the error for an id it didn't find.</summary>
    public sealed class CopySource
    {
        internal CopySource(string requestedId, SecretListEntry entry, ISecretsManagerClient client, SecretsManagerServiceException error)
        {
            RequestedId = requestedId;
            Entry = entry;
            Client = client;
            Error = error;
        }

        /// <summary>The id as the caller gave it (or the name the listing found).</summary>
        public string RequestedId { get; }

        /// <summary>The secret's name; null when it was not found.</summary>
        public string Name => Entry?.Name;

        /// <summary>The secret's ARN; null when it was not found.</summary>
        public string ARN => Entry?.ARN;

        /// <summary>The secret as ListSecrets described it; null when it was not found.</summary>
        public SecretListEntry Entry { get; }

        /// <summary>Why the id gave no secret; null when it did.</summary>
        public SecretsManagerServiceException Error { get; }

        /// <summary>The client that reads this secret (its region).</summary>
        internal ISecretsManagerClient Client { get; }

        /// <summary>The id and what it found; never a value.</summary>
        public override string ToString() => Error != null ? $"{RequestedId}: {Error.ErrorCode}" : $"{RequestedId}: {ARN}";
    }
}
