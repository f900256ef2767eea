namespace SecretsManager.Engine.Workflows.Merging
{
    /// <summary>What <see cref="SecretValueMerger.Merge"/> did.</summary>
    public sealed class MergeOutcome
    {
        /// <summary>The secret's name.</summary>
        public string Name { get; set; }

        /// <summary>The secret's ARN.</summary>
        public string ARN { get; set; }

        /// <summary>The version that holds the merged value.</summary>
        public string VersionId { get; set; }

        /// <summary>The version that was read and merged into.</summary>
        public string PreviousVersionId { get; set; }

        /// <summary>The labels of the merged version: AWSCURRENT, or none after a conflict.</summary>
        public string[] VersionStages { get; set; } = new string[0];

        /// <summary>True when the keys already held these values: nothing was written, and VersionId is the current version.</summary>
        public bool Unchanged { get; set; }

        /// <summary>True when another writer moved AWSCURRENT between the read and the swap; nothing readers see changed.</summary>
        public bool Conflict { get; set; }

        /// <summary>Why, when <see cref="Conflict"/>.</summary>
        public string ConflictMessage { get; set; }
    }
}
