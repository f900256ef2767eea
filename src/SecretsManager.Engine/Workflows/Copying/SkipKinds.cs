namespace SecretsManager.Engine.Workflows.Copying
{
    /// <summary>
    /// Why nothing of a secret is copied, in a word or two that fits a table column (<see cref="SecretCopyPlan.SkipKind"/>);
    /// <see cref="SecretCopyPlan.SkipReason"/> says it in full.
    /// </summary>
    public static class SkipKinds
    {
        /// <summary>The source secret is managed by another service (OwningService).</summary>
        public const string Managed = "managed";

        /// <summary>The source secret is a replica: its primary is copied instead.</summary>
        public const string Replica = "replica";

        /// <summary>The source secret is scheduled for deletion, without -IncludePlannedDeletion.</summary>
        public const string Deleting = "deleting";

        /// <summary>The destination secret is managed by another service.</summary>
        public const string DestinationManaged = "dest managed";

        /// <summary>The destination secret is a read-only replica.</summary>
        public const string DestinationReplica = "dest replica";

        /// <summary>The destination secret is scheduled for deletion.</summary>
        public const string DestinationDeleting = "dest deleting";

        /// <summary>The secret is only in the destination: there is no source secret to copy.</summary>
        public const string NoSource = "no source";
    }
}
