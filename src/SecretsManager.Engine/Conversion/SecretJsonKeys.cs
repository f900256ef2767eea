using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace SecretsManager.Engine.Conversion
{
    /// <summary>
    /// Reads or changes single keys of a JSON-object secret (e.g. the password of a database secret) without
    /// touching the others: their order and their exact text (numbers are not rewritten) are kept.
    /// </summary>
    public static class SecretJsonKeys
    {
        /// <summary>
        /// The value of <paramref name="key"/>: a string as it is, any other value as its JSON text. The key is
        /// matched exactly, else case-insensitively when only one key matches that way.
        /// </summary>
        /// <exception cref="FormatException">The text is not a JSON object.</exception>
        /// <exception cref="KeyNotFoundException">The object has no such key (the message lists the keys, never values).</exception>
        public static string ReadKey(string json, string key)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            using (JsonDocument document = ParseObject(json))
            {
                var properties = document.RootElement.EnumerateObject().ToList();
                var match = Find(properties, key);
                if (match == null)
                {
                    string keys = properties.Count == 0 ? "it has no keys" : "its keys are " + string.Join(", ", properties.Select(p => "'" + p.Name + "'"));
                    throw new KeyNotFoundException($"The secret value has no key '{key}'; {keys}.");
                }
                JsonElement value = match.Value.Value;
                return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
            }
        }

        /// <summary>The keys of a JSON object, in their order; none when the text is not a JSON object.</summary>
        public static IReadOnlyList<string> KeysOf(string json)
        {
            try
            {
                using (JsonDocument document = ParseObject(json))
                {
                    return document.RootElement.EnumerateObject().Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList();
                }
            }
            catch (FormatException)
            {
                return new string[0];
            }
        }

        /// <summary>
        /// The JSON object <paramref name="json"/> with the keys of <paramref name="changes"/> set: existing keys keep
        /// their place (matched as <see cref="ReadKey"/> matches), new ones are added at the end. Values are written as
        /// <see cref="SecretJsonConverter.ToJson"/> writes them. A null value removes the key (a key that isn't there
        /// stays absent), as $null means "no value" in PowerShell rather than JSON's null.
        /// </summary>
        /// <exception cref="FormatException">The text is not a JSON object.</exception>
        /// <exception cref="ArgumentException">A key is empty, or a value has no JSON form.</exception>
        public static string Merge(string json, IDictionary changes)
        {
            if (changes == null) throw new ArgumentNullException(nameof(changes));
            var pending = new List<KeyValuePair<string, object>>();
            foreach (DictionaryEntry entry in changes)
            {
                string name = Convert.ToString(FilterBuilder.Unwrap(entry.Key), CultureInfo.InvariantCulture);
                if (string.IsNullOrEmpty(name)) throw new ArgumentException("A key to merge is empty.", nameof(changes));
                pending.Add(new KeyValuePair<string, object>(name, entry.Value));
            }
            using (JsonDocument document = ParseObject(json))
            using (var stream = new MemoryStream())
            {
                var properties = document.RootElement.EnumerateObject().ToList();
                var replaced = new Dictionary<string, object>(StringComparer.Ordinal);
                var removed = new HashSet<string>(StringComparer.Ordinal);
                var added = new List<KeyValuePair<string, object>>();
                foreach (var change in pending)
                {
                    var match = Find(properties, change.Key);
                    if (change.Value == null)
                    {
                        if (match != null) removed.Add(match.Value.Name);
                    }
                    else if (match == null) added.Add(change);
                    else replaced[match.Value.Name] = change.Value;
                }
                using (var writer = new Utf8JsonWriter(stream))
                {
                    writer.WriteStartObject();
                    foreach (JsonProperty property in properties)
                    {
                        if (removed.Contains(property.Name)) continue;
                        writer.WritePropertyName(property.Name);
                        if (replaced.TryGetValue(property.Name, out object value)) writer.WriteRawValue(SecretJsonConverter.ToJson(value), skipInputValidation: true);
                        else property.Value.WriteTo(writer);
                    }
                    foreach (var change in added)
                    {
                        writer.WritePropertyName(change.Key);
                        writer.WriteRawValue(SecretJsonConverter.ToJson(change.Value), skipInputValidation: true);
                    }
                    writer.WriteEndObject();
                }
                return Encoding.UTF8.GetString(stream.ToArray());
            }
        }

        /// <summary>
        /// Whether <see cref="Merge"/> of <paramref name="changes"/> would change what the object says: a key set to a
        /// different value, a new key, or a key removed that is there. Values are compared as JSON values (a string by
        /// its text, anything else as its JSON text and structure), so a merge that only repeats the value is none.
        /// </summary>
        /// <exception cref="FormatException">The text is not a JSON object.</exception>
        public static bool Changes(string json, IDictionary changes)
        {
            if (changes == null) throw new ArgumentNullException(nameof(changes));
            using (JsonDocument document = ParseObject(json))
            {
                var properties = document.RootElement.EnumerateObject().ToList();
                foreach (DictionaryEntry entry in changes)
                {
                    string name = Convert.ToString(FilterBuilder.Unwrap(entry.Key), CultureInfo.InvariantCulture);
                    var match = Find(properties, name);
                    if (entry.Value == null)
                    {
                        if (match != null) return true;
                        continue;
                    }
                    if (match == null) return true;
                    using (JsonDocument wanted = JsonDocument.Parse(SecretJsonConverter.ToJson(entry.Value)))
                    {
                        if (!SameJson(match.Value.Value, wanted.RootElement)) return true;
                    }
                }
                return false;
            }
        }

        private static bool SameJson(JsonElement a, JsonElement b)
        {
            if (a.ValueKind != b.ValueKind) return false;
            switch (a.ValueKind)
            {
                case JsonValueKind.String:
                    return string.Equals(a.GetString(), b.GetString(), StringComparison.Ordinal);
                case JsonValueKind.Number:
                    return a.TryGetDecimal(out decimal x) && b.TryGetDecimal(out decimal y) ? x == y : a.GetRawText() == b.GetRawText();
                case JsonValueKind.Array:
                    var left = a.EnumerateArray().ToList();
                    var right = b.EnumerateArray().ToList();
                    return left.Count == right.Count && left.Zip(right, SameJson).All(same => same);
                case JsonValueKind.Object:
                    var l = a.EnumerateObject().ToList();
                    var r = b.EnumerateObject().ToList();
                    return l.Count == r.Count && l.Zip(r, (p, q) => p.Name == q.Name && SameJson(p.Value, q.Value)).All(same => same);
                default:
                    return true;
            }
        }

        private static JsonProperty? Find(List<JsonProperty> properties, string key)
        {
            foreach (JsonProperty property in properties)
            {
                if (string.Equals(property.Name, key, StringComparison.Ordinal)) return property;
            }
            var loose = properties.Where(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase)).ToList();
            return loose.Count == 1 ? loose[0] : (JsonProperty?)null;
        }

        private static JsonDocument ParseObject(string json)
        {
            if (json == null) throw new FormatException("The secret has no SecretString, so it has no keys.");
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json);
            }
            catch (JsonException)
            {
                // Never attach the JsonException: its message can quote the secret.
                throw new FormatException("The secret value is not JSON, so it has no keys.");
            }
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new FormatException("The secret value is JSON but not a JSON object, so it has no keys.");
            }
            return document;
        }
    }
}
