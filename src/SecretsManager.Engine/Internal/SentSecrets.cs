using System;
using System.Collections.Generic;

namespace SecretsManager.Engine.Internal
{
    /// <summary>
    /// The secret values a request carries (SecretString, SecretBinary as sent in base64), used to scrub a service
    /// error message that happens to echo one, so secret values never reach exception text.
    /// </summary>
    internal static class SentSecrets
    {
        /// <summary>Shorter values are only scrubbed when quoted: replacing every "ab" would garble the message.</summary>
        private const int MinimumUnquotedLength = 8;
        private const string Redacted = "(redacted)";

        public static IReadOnlyList<string> Of(string secretString, byte[] secretBinary = null)
        {
            var values = new List<string>(2);
            if (!string.IsNullOrEmpty(secretString)) { values.Add(secretString); }
            if (secretBinary != null && secretBinary.Length > 0) { values.Add(Convert.ToBase64String(secretBinary)); }
            return values;
        }

        /// <summary>Returns <paramref name="message"/> itself when it contains no secret, otherwise a scrubbed copy.</summary>
        public static string Scrub(string message, IReadOnlyList<string> secrets)
        {
            if (string.IsNullOrEmpty(message) || secrets == null || secrets.Count == 0) { return message; }
            string scrubbed = message;
            foreach (string secret in secrets)
            {
                scrubbed = scrubbed.Replace("'" + secret + "'", "'" + Redacted + "'").Replace("\"" + secret + "\"", "\"" + Redacted + "\"");
                if (secret.Length >= MinimumUnquotedLength) { scrubbed = scrubbed.Replace(secret, Redacted); }
            }
            return string.Equals(scrubbed, message, StringComparison.Ordinal) ? message : scrubbed;
        }
    }
}
