using System.Collections.Generic;

namespace SecretsManager.Engine.Workflows.Copying
{
    /// <summary>What <see cref="SecretCopier.Apply"/> wrote for one secret.</summary>
    public sealed class CopyOutcome
    {
        internal CopyOutcome(string destinationArn, string versionId, IReadOnlyList<string> changes)
        {
            DestinationARN = destinationArn;
            VersionId = versionId;
            Changes = changes;
        }

        /// <summary>The copy's ARN.</summary>
        public string DestinationARN { get; }

        /// <summary>The copy's AWSCURRENT version after the copy (the source's version id), when it has a value.</summary>
        public string VersionId { get; }

        /// <summary>What was written, as <see cref="CopyPart"/> names.</summary>
        public IReadOnlyList<string> Changes { get; }
    }
}
