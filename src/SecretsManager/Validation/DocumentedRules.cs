using SecretsManager.Engine.Model;

namespace SecretsManager.Validation
{
    /// <summary>
    /// Rules AWS documents but the model carries no trait for (the model's limits are in the engine's generated
    /// ModelConstraints). Each names where AWS states it.
    /// </summary>
    internal static class DocumentedRules
    {
        /// <summary>Secret names: ASCII letters, digits and /_+=.@- (CreateSecret's Name documentation).</summary>
        public const string SecretNamePattern = @"^[A-Za-z0-9/_+=.@-]+$";

        /// <summary>A secret has at most 50 tags (TagResource's documentation, "Tagging restrictions").</summary>
        public const int TagsMaxCount = 50;

        /// <summary>RecoveryWindowInDays is 7 to 30 days (DeleteSecret's documentation).</summary>
        public const int RecoveryWindowMinDays = 7;
        public const int RecoveryWindowMaxDays = 30;

        /// <summary>A region name is one DNS label of the endpoint's host name (AWS's endpoint rules): at most 63 characters.</summary>
        public const int RegionMaxLength = 63;
    }
}
