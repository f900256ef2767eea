using System.Linq;
using SecretsManager.Engine.Workflows.Copying;

namespace SecretsManager
{
    /// <summary>
    /// A secret compared with its copy in another account or region (Compare-SmSecret). Values are compared in memory
    /// and never appear here, not even as a hash.
    /// </summary>
    public sealed class SecretComparison
    {
        /// <summary>The source secret's name; empty for a secret only in the destination.</summary>
        public string Name { get; private set; }

        /// <summary>The name of the copy.</summary>
        public string DestinationName { get; private set; }

        /// <summary>Same, Different, OnlyInSource or OnlyInDestination.</summary>
        public SecretComparisonStatus Status { get; private set; }

        /// <summary>What differs, and Copy-SmSecret would change: Value, PreviousValue, Tags, Description, KmsKeyId, Type, ResourcePolicy.</summary>
        public string[] Differences { get; private set; }

        /// <summary>
        /// True when the copy's value was changed in the destination since the last copy (neither the source's current
        /// value nor one a copy wrote): Copy-SmSecret reports a CopyConflict and overwrites it only with -Force.
        /// </summary>
        public bool Conflict { get; private set; }

        /// <summary>What Copy-SmSecret leaves out of this secret, each as "Part: why" (rotation, replicas, a key of the source's account, ...).</summary>
        public string[] NotCopied { get; private set; }

        /// <summary>
        /// Why Copy-SmSecret copies nothing of this secret, in a word or two: managed, replica, deleting (scheduled for
        /// deletion), dest managed, dest replica, dest deleting, no source; empty when it is copied. NotCopied says it in full.
        /// </summary>
        public string SkipReason { get; private set; }

        /// <summary>The source secret's ARN.</summary>
        public string ARN { get; private set; }

        /// <summary>The copy's ARN; empty while there is no copy.</summary>
        public string DestinationARN { get; private set; }

        /// <summary>"name -> destination: status".</summary>
        public override string ToString() => $"{Name} -> {DestinationName}: {Status}";

        internal static SecretComparison From(SecretCopyPlan plan) => new SecretComparison
        {
            Name = plan.Name,
            DestinationName = plan.DestinationName,
            Status = (SecretComparisonStatus)(int)plan.Status,
            Differences = plan.Differences.ToArray(),
            Conflict = plan.Conflict,
            NotCopied = plan.NotCopied.ToArray(),
            SkipReason = plan.SkipKind,
            ARN = plan.ARN,
            DestinationARN = plan.DestinationARN,
        };
    }
}
