using System.Collections.Generic;

namespace SecretsManager.Engine.Workflows.Copying
{
    /// <summary>What <see cref="SecretCopier.Apply"/> wrote for one secret.</summary>
    public sealed class CopyOutcome
    {
        internal CopyOutcome(string destinationArn, string versionId, IReadOnlyList<string> changes, string overwrittenVersionId = null, string overwrittenLabel = null)
        {
            DestinationARN = destinationArn;
            VersionId = versionId;
            Changes = changes;
            OverwrittenVersionId = overwrittenVersionId;
            OverwrittenLabel = overwrittenLabel;
        }

        /// <summary>The copy's ARN.</summary>
        public string DestinationARN { get; }

        /// <summary>The copy's AWSCURRENT version after the copy (the source's version id), when it has a value.</summary>
        public string VersionId { get; }

        /// <summary>What was written, as <see cref="CopyPart"/> names.</summary>
        public IReadOnlyList<string> Changes { get; }

        /// <summary>
        /// The destination version whose value a forced copy overwrote (a conflict); null when the copy overwrote
        /// nothing. Its value is still there, by this id.
        /// </summary>
        public string OverwrittenVersionId { get; }

        /// <summary>
        /// The label <see cref="OverwrittenVersionId"/> holds after the copy: AWSPREVIOUS, or null when the source's
        /// AWSPREVIOUS took that label. A version without a label is deprecated, and Secrets Manager can delete it.
        /// </summary>
        public string OverwrittenLabel { get; }
    }
}
