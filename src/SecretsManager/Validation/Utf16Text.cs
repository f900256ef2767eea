namespace SecretsManager.Validation
{
    /// <summary>
    /// Strings that are not valid UTF-16 (an unpaired surrogate) can't be sent as UTF-8 JSON: the serializer would put
    /// U+FFFD in their place and the service would store something other than what was given.
    /// </summary>
    internal static class Utf16Text
    {
        /// <summary>The index of the first unpaired surrogate, or -1 when <paramref name="text"/> is valid UTF-16.</summary>
        public static int FirstInvalid(string text)
        {
            if (text == null) return -1;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (char.IsHighSurrogate(c))
                {
                    if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
                    return i;
                }
                if (char.IsLowSurrogate(c)) return i;
            }
            return -1;
        }

        /// <summary>The rule, for an error message: where the bad character is (never the text itself).</summary>
        public static string Describe(string what, int index) =>
            $"{what} is not valid UTF-16 text: the character at position {index + 1} is half of a UTF-16 surrogate pair (U+D800–U+DFFF without its other half). It would be stored as U+FFFD, changed from what was given.";
    }
}
