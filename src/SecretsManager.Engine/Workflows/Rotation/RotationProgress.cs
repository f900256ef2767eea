namespace SecretsManager.Engine.Workflows.Rotation
{
    /// <summary>
    /// Where an asynchronous rotation stands, read through the public API: the version RotateSecret announced
    /// first appears with AWSPENDING (createSecret) and is finished when it carries AWSCURRENT (finishSecret).
    /// </summary>
    public enum RotationProgress
    {
        /// <summary>The rotation function has not created the new version yet.</summary>
        NotStarted,

        /// <summary>The new version exists with AWSPENDING; setSecret/testSecret/finishSecret are running.</summary>
        Pending,

        /// <summary>The new version is AWSCURRENT.</summary>
        Finished,

        /// <summary>The new version exists but carries neither label: the rotation was cancelled or undone.</summary>
        Abandoned,

        /// <summary>The service reported a failed step (<see cref="RotationWatch.StepFailure"/>): the rotation is over.</summary>
        Failed,
    }
}
