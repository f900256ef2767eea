using System;
using System.Text.Json;

namespace SecretsManager.Engine.Internal.Serialization
{
    /// <summary>Writes awsJson1_1 scalar values: base64 blobs, epoch-second timestamps.</summary>
    internal static class JsonWrite
    {
        private static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        public static void Number(Utf8JsonWriter writer, int? value) => writer.WriteNumberValue(value.Value);

        public static void Number(Utf8JsonWriter writer, long? value) => writer.WriteNumberValue(value.Value);

        public static void Boolean(Utf8JsonWriter writer, bool? value) => writer.WriteBooleanValue(value.Value);

        public static void Blob(Utf8JsonWriter writer, byte[] value) => writer.WriteBase64StringValue(value);

        /// <summary>Epoch seconds with up to millisecond fractions; unspecified-kind values are taken as UTC.</summary>
        public static void Timestamp(Utf8JsonWriter writer, DateTime? value)
        {
            writer.WriteNumberValue(ToEpochSeconds(value.Value));
        }

        public static decimal ToEpochSeconds(DateTime value)
        {
            DateTime utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
            long milliseconds = (utc - Epoch).Ticks / TimeSpan.TicksPerMillisecond;
            return milliseconds / 1000m;
        }
    }
}
