using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace SecretsManager.Engine.Internal.Serialization
{
    /// <summary>Reads awsJson1_1 scalar and collection values. JSON null reads as null (member absent).</summary>
    internal static class JsonRead
    {
        private static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        public static string String(JsonElement json) => json.ValueKind == JsonValueKind.Null ? null : json.GetString();

        public static int? Int32(JsonElement json) => json.ValueKind == JsonValueKind.Null ? (int?)null : json.GetInt32();

        public static long? Int64(JsonElement json) => json.ValueKind == JsonValueKind.Null ? (long?)null : json.GetInt64();

        public static bool? Boolean(JsonElement json) => json.ValueKind == JsonValueKind.Null ? (bool?)null : json.GetBoolean();

        public static byte[] Blob(JsonElement json) => json.ValueKind == JsonValueKind.Null ? null : json.GetBytesFromBase64();

        /// <summary>Epoch seconds, possibly fractional, as a UTC DateTime. ISO 8601 strings are accepted too.</summary>
        public static DateTime? Timestamp(JsonElement json)
        {
            switch (json.ValueKind)
            {
                case JsonValueKind.Null:
                    return null;
                case JsonValueKind.Number:
                    // decimal keeps sub-millisecond digits exact, which double would round.
                    return FromEpochSeconds(json.GetDecimal());
                case JsonValueKind.String:
                    string text = json.GetString();
                    if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal seconds)) { return FromEpochSeconds(seconds); }
                    return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                default:
                    throw new FormatException($"Expected a timestamp but found JSON {json.ValueKind}.");
            }
        }

        public static DateTime FromEpochSeconds(decimal seconds) => Epoch.AddTicks((long)decimal.Round(seconds * TimeSpan.TicksPerSecond));

        public static List<T> List<T>(JsonElement json, Func<JsonElement, T> readItem)
        {
            if (json.ValueKind == JsonValueKind.Null) { return null; }
            var list = new List<T>(json.GetArrayLength());
            foreach (JsonElement item in json.EnumerateArray()) { list.Add(readItem(item)); }
            return list;
        }

        public static Dictionary<string, T> Map<T>(JsonElement json, Func<JsonElement, T> readValue)
        {
            if (json.ValueKind == JsonValueKind.Null) { return null; }
            var map = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (JsonProperty property in json.EnumerateObject()) { map[property.Name] = readValue(property.Value); }
            return map;
        }
    }
}
