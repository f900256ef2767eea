using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace SecretsManager.Engine.Conversion
{
    /// <summary>
    /// Converts between secret strings and PowerShell-friendly values. Error messages never quote the secret text:
    /// the parser's own messages can contain pieces of the input, so only positions are reported.
    /// </summary>
    public static class SecretJsonConverter
    {
        /// <summary>
        /// Parses a JSON object into a case-insensitive Hashtable: nested objects become Hashtables, arrays object[],
        /// numbers long (or double when not integral), true/false bool, null null.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
        /// <exception cref="FormatException">The text is not JSON, or is JSON but not an object.</exception>
        public static Hashtable ToHashtable(string json)
        {
            if (json == null) { throw new ArgumentNullException(nameof(json)); }
            using (JsonDocument document = Parse(json))
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException($"The secret value is JSON but not a JSON object (it is {Describe(document.RootElement.ValueKind)}), so it cannot be converted to a hashtable.");
                }
                return ToHashtable(document.RootElement);
            }
        }

        /// <summary>
        /// Reads <c>username</c> and <c>password</c> (case-insensitive) from a JSON object. False when the text is not a
        /// JSON object or either key is missing or not a string.
        /// </summary>
        public static bool TryGetCredential(string json, out string username, out string password)
        {
            username = null;
            password = null;
            if (string.IsNullOrEmpty(json)) { return false; }
            Hashtable table;
            try
            {
                table = ToHashtable(json);
            }
            catch (FormatException)
            {
                // Not JSON, or not an object: simply not a credential secret.
                return false;
            }
            if (table["username"] is string user && table["password"] is string pass)
            {
                username = user;
                password = pass;
                return true;
            }
            return false;
        }

        /// <summary>
        /// Serialises dictionaries (as objects), lists (as arrays), strings, numbers, booleans, null, DateTime
        /// (ISO 8601), Guid, enums and chars. PowerShell's PSObject wrappers are unwrapped.
        /// </summary>
        /// <exception cref="ArgumentException">A value of a type that has no JSON form, or a cycle.</exception>
        public static string ToJson(object value)
        {
            using (var stream = new MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(stream))
                {
                    WriteValue(writer, value, 0);
                }
                return Encoding.UTF8.GetString(stream.ToArray());
            }
        }

        private const int MaxDepth = 64;

        private static JsonDocument Parse(string json)
        {
            try
            {
                return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
            }
            catch (JsonException e)
            {
                // The inner JsonException is deliberately not attached: its message can quote characters of the secret.
                string where = e.LineNumber.HasValue ? $" (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1})" : string.Empty;
                throw new FormatException($"The secret value is not valid JSON{where}.");
            }
        }

        private static Hashtable ToHashtable(JsonElement element)
        {
            var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (JsonProperty property in element.EnumerateObject())
            {
                table[property.Name] = ToValue(property.Value);
            }
            return table;
        }

        private static object ToValue(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object: return ToHashtable(element);
                case JsonValueKind.Array:
                    var items = new List<object>();
                    foreach (JsonElement item in element.EnumerateArray()) { items.Add(ToValue(item)); }
                    return items.ToArray();
                case JsonValueKind.String: return element.GetString();
                case JsonValueKind.Number:
                    if (element.TryGetInt64(out long whole)) { return whole; }
                    return element.GetDouble();
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                default: return null;
            }
        }

        private static string Describe(JsonValueKind kind)
        {
            switch (kind)
            {
                case JsonValueKind.Array: return "an array";
                case JsonValueKind.String: return "a string";
                case JsonValueKind.Number: return "a number";
                case JsonValueKind.True:
                case JsonValueKind.False: return "a boolean";
                default: return "null";
            }
        }

        private static void WriteValue(Utf8JsonWriter writer, object value, int depth)
        {
            if (depth > MaxDepth) { throw new ArgumentException($"The value is nested more than {MaxDepth} levels deep (or refers to itself), so it cannot be converted to JSON.", nameof(value)); }
            value = FilterBuilder.Unwrap(value);
            switch (value)
            {
                case null: writer.WriteNullValue(); return;
                case string text: writer.WriteStringValue(text); return;
                case char character: writer.WriteStringValue(character.ToString()); return;
                case bool flag: writer.WriteBooleanValue(flag); return;
                case DateTime date: writer.WriteStringValue(date.ToString("o", CultureInfo.InvariantCulture)); return;
                case DateTimeOffset offset: writer.WriteStringValue(offset.ToString("o", CultureInfo.InvariantCulture)); return;
                case Guid guid: writer.WriteStringValue(guid.ToString()); return;
                case Enum enumValue: writer.WriteStringValue(enumValue.ToString()); return;
                case byte _: case sbyte _: case short _: case ushort _: case int _: case uint _: case long _:
                    writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); return;
                case ulong unsignedLong: writer.WriteNumberValue(unsignedLong); return;
                case float _: case double _:
                    double real = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                    if (double.IsNaN(real) || double.IsInfinity(real)) { throw new ArgumentException("NaN and infinity have no JSON form.", nameof(value)); }
                    writer.WriteNumberValue(real); return;
                case decimal exact: writer.WriteNumberValue(exact); return;
                case IDictionary dictionary:
                    writer.WriteStartObject();
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        writer.WritePropertyName(Convert.ToString(FilterBuilder.Unwrap(entry.Key), CultureInfo.InvariantCulture));
                        WriteValue(writer, entry.Value, depth + 1);
                    }
                    writer.WriteEndObject();
                    return;
                case IEnumerable list:
                    writer.WriteStartArray();
                    foreach (object item in list) { WriteValue(writer, item, depth + 1); }
                    writer.WriteEndArray();
                    return;
                default:
                    throw new ArgumentException($"A value of type {value.GetType().FullName} cannot be converted to JSON; use a hashtable, array, string, number or boolean.", nameof(value));
            }
        }
    }
}
