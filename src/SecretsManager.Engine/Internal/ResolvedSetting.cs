namespace SecretsManager.Engine.Internal
{
    /// <summary>A resolved setting and, in words, where it came from.</summary>
    internal sealed class ResolvedSetting<T>
    {
        public ResolvedSetting(T value, string source)
        {
            Value = value;
            Source = source;
        }

        public T Value { get; }

        public string Source { get; }
    }
}
