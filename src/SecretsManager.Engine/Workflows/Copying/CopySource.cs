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

        /// <summary>
        /// A secret a comparison found only in the destination (an OnlyInDestination row piped back in): it has no
        /// source, so it is planned as skipped (<see cref="SkipKinds.NoSource"/>), never as an error.
        /// </summary>
        public static CopySource InDestinationOnly(string destinationName, string destinationArn) =>
            new CopySource(destinationName, null, null, null) { DestinationName = destinationName, DestinationARN = destinationArn };

        /// <summary>True for a secret only in the destination (<see cref="InDestinationOnly"/>).</summary>
        public bool OnlyInDestination => DestinationName != null;

        /// <summary>The destination secret's name, for a secret only in the destination; otherwise null.</summary>
        public string DestinationName { get; private set; }

        /// <summary>The destination secret's ARN, for a secret only in the destination; otherwise null.</summary>
        public string DestinationARN { get; private set; }

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
        public override string ToString() => Error != null ? $"{RequestedId}: {Error.ErrorCode}" : OnlyInDestination ? $"{RequestedId}: only in the destination" : $"{RequestedId}: {ARN}";
    }
}
