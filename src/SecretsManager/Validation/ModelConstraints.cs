namespace SecretsManager.Commands
{
    /// <summary>
    /// Limits and patterns from the Secrets Manager API model (secrets-manager-2017-10-17), used by parameter
    /// validation so that bad input is rejected before any request is sent.
    /// </summary>
    internal static class ModelConstraints
    {
        /// <summary>RegionType.</summary>
        public const string RegionPattern = @"^([a-z]+-)+\d+$";

        /// <summary>Secret names: ASCII letters, digits and /_+=.@- (AWS's documented rule for NameType).</summary>
        public const string SecretNamePattern = @"^[A-Za-z0-9/_+=.@-]+$";
        public const int SecretNameMaxLength = 512;

        /// <summary>SecretIdType: a name, a full ARN or a partial ARN.</summary>
        public const int SecretIdMaxLength = 2048;

        /// <summary>SecretVersionIdType and ClientRequestTokenType.</summary>
        public const int VersionIdMinLength = 32;
        public const int VersionIdMaxLength = 64;

        public const int VersionStageMaxLength = 256;
        public const int VersionStagesMaxCount = 20;
        public const int DescriptionMaxLength = 2048;
        public const int KmsKeyIdMaxLength = 2048;
        public const int RotationLambdaArnMaxLength = 2048;

        public const string ScheduleExpressionPattern = @"^[0-9A-Za-z\(\)#\?\*\-\/, ]+$";
        public const int ScheduleExpressionMaxLength = 256;
        public const string DurationPattern = @"^[0-9h]+$";

        /// <summary>RotationTokenType (sensitive: validated by length only so that no error message echoes it).</summary>
        public const int RotationTokenMinLength = 36;
        public const int RotationTokenMaxLength = 256;

        public const int ExcludeCharactersMaxLength = 4096;
        public const int PolicyMaxLength = 20480;

        public const int TagKeyMaxLength = 128;
        public const int TagValueMaxLength = 256;
        public const int TagsMaxCount = 50;

        /// <summary>SecretStringType and SecretBinaryType, in bytes.</summary>
        public const int SecretMaxBytes = 65536;

        /// <summary>FilterValueStringType: what a ListSecrets filter value may contain.</summary>
        public const string FilterValuePattern = @"^\!?[a-zA-Z0-9 :_@\/\+\=\.\-\!]*$";
        public const int FilterValuesMaxCount = 10;
        public const int FiltersMaxCount = 10;

        /// <summary>BatchGetSecretValue takes at most this many ids per call.</summary>
        public const int BatchSize = 20;

        public const string CurrentStage = "AWSCURRENT";
        public const string PendingStage = "AWSPENDING";
    }
}
