namespace SecretsManager
{
    /// <summary>One tag of a secret.</summary>
    public sealed class SecretTag
    {
        /// <summary>Creates a tag.</summary>
        public SecretTag(string key, string value)
        {
            Key = key;
            Value = value;
        }

        /// <summary>The tag key.</summary>
        public string Key { get; }

        /// <summary>The tag value.</summary>
        public string Value { get; }

        /// <inheritdoc/>
        public override string ToString() => $"{Key}={Value}";
    }
}
