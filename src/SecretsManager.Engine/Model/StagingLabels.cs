namespace SecretsManager.Engine.Model
{
    /// <summary>The staging labels AWS gives a meaning to (the model carries them only in its documentation).</summary>
    public static class StagingLabels
    {
        /// <summary>The version applications read by default.</summary>
        public const string Current = "AWSCURRENT";

        /// <summary>The version that was current before; AWS moves it along with AWSCURRENT.</summary>
        public const string Previous = "AWSPREVIOUS";

        /// <summary>The new version while a rotation runs.</summary>
        public const string Pending = "AWSPENDING";
    }
}
