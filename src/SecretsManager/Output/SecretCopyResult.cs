using System;
using System.Linq;
using SecretsManager.Engine.Workflows.Copying;

namespace SecretsManager
{
    /// <summary>What Copy-SmSecret did for one secret: the copy's name and ARN, and what was written. Never a value.</summary>
    public sealed class SecretCopyResult
    {
        /// <summary>The source secret's name.</summary>
        public string Name { get; private set; }

        /// <summary>The name of the copy.</summary>
        public string DestinationName { get; private set; }

        /// <summary>Created, Updated, Unchanged or Skipped.</summary>
        public SecretCopyAction Action { get; private set; }

        /// <summary>What was written: Create, Value, PreviousValue, Tags, Description, KmsKeyId, Type, ResourcePolicy.</summary>
        public string[] Changes { get; private set; }

        /// <summary>What was left out, each as "Part: why".</summary>
        public string[] NotCopied { get; private set; }

        /// <summary>
        /// Why Copy-SmSecret copies nothing of this secret, in a word or two: managed, replica, deleting (scheduled for
        /// deletion), dest managed, dest replica, dest deleting, no source (a comparison's OnlyInDestination row); empty when it is copied. NotCopied says it in full.
        /// </summary>
        public string SkipReason { get; private set; }

        /// <summary>The source secret's ARN.</summary>
        public string ARN { get; private set; }

        /// <summary>The copy's ARN; empty when it was skipped and does not exist.</summary>
        public string DestinationARN { get; private set; }

        /// <summary>The copy's AWSCURRENT version: the same id as the source's version it holds.</summary>
        public string VersionId { get; private set; }

        /// <summary>
        /// The destination version whose value -Force overwrote (a value changed there since the last copy); empty when
        /// none was. It is AWSPREVIOUS after the copy, unless -IncludePreviousVersion put the source's AWSPREVIOUS there:
        /// then it has no staging label, and Secrets Manager can delete it (read it by this id until then).
        /// </summary>
        public string OverwrittenVersionId { get; private set; }

        /// <summary>"name -> destination: action".</summary>
        public override string ToString() => $"{Name} -> {DestinationName}: {Action}";

        internal static SecretCopyResult Unwritten(SecretCopyPlan plan) => new SecretCopyResult
        {
            Name = plan.Name,
            DestinationName = plan.DestinationName,
            Action = plan.SkipReason != null ? SecretCopyAction.Skipped : SecretCopyAction.Unchanged,
            Changes = Array.Empty<string>(),
            NotCopied = plan.NotCopied.ToArray(),
            SkipReason = plan.SkipKind,
            ARN = plan.ARN,
            DestinationARN = plan.DestinationARN,
            VersionId = plan.DestinationVersionId,
        };

        internal static SecretCopyResult Written(SecretCopyPlan plan, CopyOutcome outcome) => new SecretCopyResult
        {
            Name = plan.Name,
            DestinationName = plan.DestinationName,
            Action = outcome.Changes.Contains(CopyPart.Create) ? SecretCopyAction.Created : SecretCopyAction.Updated,
            Changes = outcome.Changes.ToArray(),
            NotCopied = plan.NotCopied.ToArray(),
            ARN = plan.ARN,
            DestinationARN = outcome.DestinationARN,
            VersionId = outcome.VersionId,
            OverwrittenVersionId = outcome.OverwrittenVersionId,
        };
    }
}
