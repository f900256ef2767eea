using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using SecretsManager.Engine.Conversion;
using SecretsManager.Engine.Internal;

namespace SecretsManager.Engine.Workflows.Rotation
{
    /// <summary>Plain checks and conversions of the values a rotation handles; messages name keys, never values.</summary>
    public static class RotationValues
    {
        /// <summary>True when <paramref name="value"/> is a JSON object (a "JSON secret"); anything else is plain text.</summary>
        public static bool IsJsonObject(string value)
        {
            if (string.IsNullOrEmpty(value)) return false;
            string trimmed = value.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] != '{') return false;
            try
            {
                using (var document = JsonDocument.Parse(value)) return document.RootElement.ValueKind == JsonValueKind.Object;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        /// <summary>
        /// The keys of <paramref name="required"/> that the JSON object <paramref name="json"/> lacks or holds empty
        /// (keys match case-insensitively, as Hashtables read them).
        /// </summary>
        public static IReadOnlyList<string> MissingKeys(string json, IEnumerable<string> required)
        {
            Hashtable table = SecretJsonConverter.ToHashtable(json);
            return required.Where(k => !table.ContainsKey(k) || table[k] == null || (table[k] is string s && s.Length == 0)).ToList();
        }

        /// <summary>A string value of a JSON object (numbers as their text), or null when absent.</summary>
        public static string Read(string json, string key)
        {
            object value = SecretJsonConverter.ToHashtable(json)[key];
            if (value == null) return null;
            return value is string text ? text : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// The new value as JSON: the keys of <paramref name="pending"/>, in the order <paramref name="currentJson"/> has
        /// them, then any new ones. Keys the pending value leaves out are gone.
        /// </summary>
        public static string ToJson(IDictionary pending, string currentJson)
        {
            if (pending == null) throw new ArgumentNullException(nameof(pending));
            var ordered = new List<DictionaryEntry>();
            var byName = new Dictionary<string, DictionaryEntry>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in pending)
            {
                string name = Convert.ToString(FilterBuilder.Unwrap(entry.Key), System.Globalization.CultureInfo.InvariantCulture);
                if (string.IsNullOrEmpty(name)) throw new ArgumentException("A key of the new value is empty.", nameof(pending));
                byName[name] = new DictionaryEntry(name, entry.Value);
            }
            if (IsJsonObject(currentJson))
            {
                using (var document = JsonDocument.Parse(currentJson))
                {
                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        if (byName.TryGetValue(property.Name, out var entry))
                        {
                            // The current key's spelling wins over a hashtable's.
                            ordered.Add(new DictionaryEntry(property.Name, entry.Value));
                            byName.Remove(property.Name);
                        }
                    }
                }
            }
            foreach (DictionaryEntry entry in pending)
            {
                string name = Convert.ToString(FilterBuilder.Unwrap(entry.Key), System.Globalization.CultureInfo.InvariantCulture);
                if (byName.TryGetValue(name, out var rest)) { ordered.Add(rest); byName.Remove(name); }
            }
            var table = new System.Collections.Specialized.OrderedDictionary(StringComparer.Ordinal);
            foreach (var entry in ordered) table[entry.Key] = entry.Value;
            return SecretJsonConverter.ToJson(table);
        }

        /// <summary>
        /// The keys of AWS's documented JSON structures (databases, Redshift, DocumentDB) that name where and who, not
        /// a secret: their values stay readable in messages. Every other value counts as secret.
        /// </summary>
        public static readonly IReadOnlyCollection<string> NonSecretKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "engine", "host", "port", "username", "dbname", "masterarn", "ssl", "dbClusterIdentifier", "namespaceName",
        };

        /// <summary>
        /// <paramref name="message"/> with the secret parts of <paramref name="values"/> replaced by "***": a plain-text
        /// value whole, and every value of a JSON object except those of <see cref="NonSecretKeys"/> (an API key, a
        /// token, not only a password). Through the engine's scrubber, so runs of 8 or more characters of a value and
        /// its JSON-escaped forms go too; a shorter value goes where it stands as a whole word. For messages written by
        /// providers and tools, which may quote what they were given.
        /// </summary>
        public static string Redact(string message, params string[] values)
        {
            if (string.IsNullOrEmpty(message) || values == null) return message;
            var parts = SecretParts(values).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ToList();
            foreach (string secret in parts.Where(p => p.Length < SentSecrets.MinimumEchoLength))
            {
                // Not inside a longer word: a short value would otherwise garble every message that shares its letters.
                message = Regex.Replace(message, @"(?<![\p{L}\p{N}])" + Regex.Escape(secret) + @"(?![\p{L}\p{N}])", Marker, RegexOptions.CultureInvariant);
            }
            // Each value as sent first, then its escaped forms: an escaped form first would leave the tail after its
            // first escaped character (shorter than a run) behind.
            var secrets = parts.SelectMany(p => SentSecrets.Of(p)).Distinct(StringComparer.Ordinal).ToList();
            return SentSecrets.Scrub(message, secrets, Marker);
        }

        private const string Marker = "***";

        private static IEnumerable<string> SecretParts(IEnumerable<string> values)
        {
            foreach (string value in values)
            {
                if (string.IsNullOrEmpty(value)) continue;
                if (!IsJsonObject(value))
                {
                    yield return value;
                    continue;
                }
                foreach (DictionaryEntry entry in SecretJsonConverter.ToHashtable(value))
                {
                    if (entry.Key is string key && NonSecretKeys.Contains(key)) continue;
                    foreach (string text in Leaves(entry.Value)) yield return text;
                }
            }
        }

        // A value's text: strings and numbers at any depth. Booleans, nulls and numbers of under 4 digits say nothing
        // (redacting every "1" would garble exit codes and counts).
        private static IEnumerable<string> Leaves(object value)
        {
            switch (value)
            {
                case null: break;
                case bool _: break;
                case string text:
                    if (text.Length > 0) yield return text;
                    break;
                case IDictionary table:
                    foreach (DictionaryEntry inner in table) foreach (string text in Leaves(inner.Value)) yield return text;
                    break;
                case IEnumerable list:
                    foreach (object item in list) foreach (string text in Leaves(item)) yield return text;
                    break;
                default:
                    string number = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
                    if (number.Length >= 4) yield return number;
                    break;
            }
        }

        /// <summary>A message as one sentence: trimmed, ending with a full stop.</summary>
        public static string Sentence(string message)
        {
            string text = (message ?? string.Empty).Trim();
            if (text.Length == 0) return "(no message).";
            char last = text[text.Length - 1];
            return last == '.' || last == '!' || last == '?' ? text : text + ".";
        }
    }
}
