namespace SecretsManager.Engine.Workflows.Rotation
{
    /// <summary>The defaults of a new password, as AWS's database rotation templates have them.</summary>
    public static class RotationDefaults
    {
        /// <summary>The length of a new password.</summary>
        public const int PasswordLength = 32;

        /// <summary>The characters a new password leaves out: they break connection strings and shell quoting.</summary>
        public const string ExcludeCharacters = ":/@\"'\\";

        /// <summary>The JSON key the default new value replaces.</summary>
        public const string PasswordKey = "password";
    }
}
