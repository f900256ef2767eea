using System;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SecretsManager.Engine.Internal
{
    /// <summary>
    /// The secret values a request carries (SecretString, SecretBinary as sent in base64), used to scrub a service
    /// error that happens to echo one, so secret values never reach exception text: whole or in part (any run of
    /// <see cref="MinimumEchoLength"/> or more characters), as sent or JSON-escaped, in the message or in the error code.
    /// </summary>
    internal static class SentSecrets
    {
        /// <summary>Shorter runs are only scrubbed when they are a whole quoted value: replacing every "ab" would garble the message.</summary>
        internal const int MinimumEchoLength = 8;
        private const string Redacted = "(redacted)";

        private static readonly JsonSerializerOptions StrictEscaping = new JsonSerializerOptions();
        private static readonly JsonSerializerOptions RelaxedEscaping = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static IReadOnlyList<string> Of(string secretString, byte[] secretBinary = null)
        {
            var values = new List<string>(4);
            if (!string.IsNullOrEmpty(secretString))
            {
                values.Add(secretString);
                // An endpoint that quotes the value inside JSON text shows it escaped (\" \n \u00e9 ...).
                foreach (var options in new[] { StrictEscaping, RelaxedEscaping })
                {
                    string json = JsonSerializer.Serialize(secretString, options);
                    string escaped = json.Substring(1, json.Length - 2);
                    if (!values.Contains(escaped)) { values.Add(escaped); }
                }
            }
            if (secretBinary != null && secretBinary.Length > 0) { values.Add(Convert.ToBase64String(secretBinary)); }
            return values;
        }

        /// <summary>
        /// Returns <paramref name="message"/> itself when it contains no secret, otherwise a copy with each echo replaced
        /// by <paramref name="marker"/> (default "(redacted)").
        /// </summary>
        public static string Scrub(string message, IReadOnlyList<string> secrets, string marker = Redacted)
        {
            if (string.IsNullOrEmpty(message) || secrets == null || secrets.Count == 0) { return message; }
            string scrubbed = message;
            foreach (string secret in secrets)
            {
                if (string.IsNullOrEmpty(secret)) { continue; }
                scrubbed = scrubbed.Replace("'" + secret + "'", "'" + marker + "'").Replace("\"" + secret + "\"", "\"" + marker + "\"");
                if (secret.Length >= MinimumEchoLength) { scrubbed = RedactRuns(scrubbed, secret, marker); }
            }
            return string.Equals(scrubbed, message, StringComparison.Ordinal) ? message : scrubbed;
        }

        /// <summary>True when <paramref name="text"/> holds any of the secrets, whole or a run of at least 8 characters.</summary>
        public static bool Echoes(string text, IReadOnlyList<string> secrets) => !ReferenceEquals(Scrub(text, secrets), text);

        /// <summary>Replaces every run of 8 or more characters that also occurs in <paramref name="secret"/>.</summary>
        private static string RedactRuns(string text, string secret, string marker)
        {
            if (text.Length < MinimumEchoLength) { return text; }
            var grams = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i + MinimumEchoLength <= secret.Length; i++) { grams.Add(secret.Substring(i, MinimumEchoLength)); }
            var covered = new bool[text.Length];
            bool any = false;
            for (int i = 0; i + MinimumEchoLength <= text.Length; i++)
            {
                if (!grams.Contains(text.Substring(i, MinimumEchoLength))) { continue; }
                for (int j = i; j < i + MinimumEchoLength; j++) { covered[j] = true; }
                any = true;
            }
            if (!any) { return text; }
            var result = new System.Text.StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                if (!covered[i]) { result.Append(text[i]); continue; }
                result.Append(marker);
                while (i + 1 < text.Length && covered[i + 1]) { i++; }
            }
            return result.ToString();
        }
    }
}
