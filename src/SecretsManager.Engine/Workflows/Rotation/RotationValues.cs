using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using SecretsManager.Engine.Conversion;

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
        /// <paramref name="message"/> with the secret parts of <paramref name="values"/> replaced by "***": a plain-text
        /// value whole, a JSON value's password (any key containing "password" or "secret"). For messages written by
        /// providers and tools, which may quote what they were given.
        /// </summary>
        public static string Redact(string message, params string[] values)
        {
            if (string.IsNullOrEmpty(message)) return message;
            foreach (string secret in SecretParts(values).OrderByDescending(s => s.Length))
            {
                message = message.Replace(secret, "***");
            }
            return message;
        }

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
                    string key = entry.Key as string ?? string.Empty;
                    bool secretKey = key.IndexOf("password", StringComparison.OrdinalIgnoreCase) >= 0 || key.IndexOf("secret", StringComparison.OrdinalIgnoreCase) >= 0;
                    if (secretKey && entry.Value is string text && text.Length > 0) yield return text;
                }
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
