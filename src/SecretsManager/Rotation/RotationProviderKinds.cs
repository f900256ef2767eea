namespace SecretsManager.Rotation
{
    /// <summary>The values of <see cref="RotationProvider.Kind"/>.</summary>
    internal static class RotationProviderKinds
    {
        public const string ScriptBlock = "ScriptBlock";
        public const string PostgreSql = "PostgreSql";
    }
}
