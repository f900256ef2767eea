namespace SecretsManager.Engine.Workflows.Rotation
{
    /// <summary>The steps of a rotation, as AWS's rotation functions name them, and the restore after a failed one.</summary>
    public enum RotationStep
    {
        /// <summary>createSecret: the new value is stored as a version labelled AWSPENDING.</summary>
        CreateSecret,

        /// <summary>setSecret: the provider sets the pending value on the target.</summary>
        SetSecret,

        /// <summary>testSecret: the provider checks that the target accepts the pending value.</summary>
        TestSecret,

        /// <summary>finishSecret: AWSCURRENT moves to the pending version (the service moves AWSPREVIOUS).</summary>
        FinishSecret,

        /// <summary>After a failed setSecret or testSecret: the provider sets the current value on the target again.</summary>
        RestoreTarget,
    }
}
