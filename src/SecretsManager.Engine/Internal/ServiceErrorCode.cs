namespace SecretsManager.Engine.Internal
{
    /// <summary>Normalises AWS error codes: "com.amazonaws.secretsmanager#ResourceNotFoundException" → "ResourceNotFoundException".</summary>
    internal static class ServiceErrorCode
    {
        public static string Normalize(string code)
        {
            if (string.IsNullOrEmpty(code)) { return code; }
            int hash = code.LastIndexOf('#');
            if (hash >= 0) { code = code.Substring(hash + 1); }
            // Some protocols append ":http://internal.amazon.com/..." to the code; the code is what precedes it.
            int colon = code.IndexOf(':');
            return colon > 0 ? code.Substring(0, colon) : code;
        }
    }
}
