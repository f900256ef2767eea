namespace SecretsManager.Engine.Workflows.Copying
{
    /// <summary>The names of what a comparison compares and a copy copies, as they appear in Differences and Changes.</summary>
    public static class CopyPart
    {
        /// <summary>The destination secret is created.</summary>
        public const string Create = "Create";

        /// <summary>The AWSCURRENT value.</summary>
        public const string Value = "Value";

        /// <summary>The AWSPREVIOUS value (only with IncludePreviousVersion).</summary>
        public const string PreviousValue = "PreviousValue";

        /// <summary>The tags (without AWS's own aws:* tags).</summary>
        public const string Tags = "Tags";

        /// <summary>The description.</summary>
        public const string Description = "Description";

        /// <summary>The resource policy, with the account id rewritten for the destination.</summary>
        public const string ResourcePolicy = "ResourcePolicy";

        /// <summary>The KMS key the value is encrypted under.</summary>
        public const string KmsKeyId = "KmsKeyId";

        /// <summary>A managed external secret's partner type.</summary>
        public const string Type = "Type";

        /// <summary>Rotation configuration (never copied).</summary>
        public const string Rotation = "Rotation";

        /// <summary>Replicas of the source (never copied).</summary>
        public const string Replicas = "Replicas";
    }
}
