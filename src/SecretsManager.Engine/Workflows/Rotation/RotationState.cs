namespace SecretsManager.Engine.Workflows.Rotation
{
    /// <summary>
    /// Where one client-side rotation stands. Only the first two and the last can be read back from the secret's
    /// labels; a run that stops between them leaves "pending created", and the next run resumes from setSecret.
    /// </summary>
    public enum RotationState
    {
        /// <summary>No version other than AWSCURRENT carries AWSPENDING.</summary>
        NoPending,

        /// <summary>The pending value is stored (AWSPENDING) and claimed by this run.</summary>
        PendingCreated,

        /// <summary>The provider's Set has put the pending value on the target.</summary>
        TargetSet,

        /// <summary>The provider's Test has accepted the pending value.</summary>
        Tested,

        /// <summary>AWSCURRENT is on the pending version.</summary>
        Finished,
    }
}
