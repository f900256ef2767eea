using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SecretsManager.Engine.Conversion
{
    /// <summary>JSON laid out for a person to read (resource policies), never for sending.</summary>
    public static class JsonText
    {
        /// <summary>The JSON indented two spaces, one key per line; text that isn't JSON comes back unchanged.</summary>
        public static string Indent(string json)
        {
            if (string.IsNullOrWhiteSpace(json)) return json;
            try
            {
                using (JsonDocument document = JsonDocument.Parse(json))
                using (var stream = new MemoryStream())
                {
                    // Relaxed escaping: this text is shown, not parsed, and '+' or '<' in a condition must read as typed.
                    using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                    {
                        document.WriteTo(writer);
                    }
                    return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n");
                }
            }
            catch (JsonException)
            {
                return json;
            }
        }
    }
}
