namespace SecretsManager.Engine.Workflows.Rotation
{
    /// <summary>The error codes of <see cref="RotationException"/>; the cmdlets use them as ErrorIds.</summary>
    public static class RotationErrorCodes
    {
        /// <summary>Service-side rotation (a Lambda or a partner) is on; two rotators would fight. Nothing changed.</summary>
        public const string ServiceRotationEnabled = "ServiceRotationEnabled";

        /// <summary>The secret lacks what the provider needs (not text, not JSON, a key missing). Nothing changed.</summary>
        public const string SecretInvalid = "RotationSecretInvalid";

        /// <summary>The secret named in masterarn can't be read or lacks its keys. Nothing changed.</summary>
        public const string MasterSecretUnreadable = "MasterSecretUnreadable";

        /// <summary>psql is neither at -PsqlPath nor on PATH. Nothing changed.</summary>
        public const string PsqlNotFound = "PsqlNotFound";

        /// <summary>Another run rotates the secret (or finished first); this one changed nothing of it.</summary>
        public const string Conflict = "RotationConflict";

        /// <summary>A step failed; the target was restored (or never touched) and AWSCURRENT is unchanged.</summary>
        public const string StepFailed = "RotationStepFailed";

        /// <summary>A step failed and restoring the target failed too: the pending version stays, a new run resumes it.</summary>
        public const string RestoreFailed = "RotationRestoreFailed";

        /// <summary>Set and Test passed but moving AWSCURRENT failed: the pending version stays, a new run finishes it.</summary>
        public const string NotFinished = "RotationNotFinished";
    }
}
