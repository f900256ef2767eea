using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecretsManager.Local.Protocol;

/// <summary>Wire formats of awsJson1_1: timestamps as fractional epoch seconds, blobs as base64.</summary>
internal static class JsonWire
{
    /// <summary>Writes characters such as + &lt; ' as themselves, as AWS does, rather than as \u escapes.</summary>
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Serializes a node with <see cref="Options"/>.</summary>
    public static string Text(this JsonNode node) => node.ToJsonString(Options);

    public static JsonNode Timestamp(DateTimeOffset value) => JsonValue.Create(value.ToUnixTimeMilliseconds() / 1000.0);

    public static JsonNode Blob(byte[] value) => JsonValue.Create(Convert.ToBase64String(value));

    public static JsonArray StringArray(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());

    /// <summary>Adds the member only when it has a value: AWS omits absent members.</summary>
    public static JsonObject AddIf(this JsonObject obj, string name, JsonNode? value)
    {
        if (value is not null) obj[name] = value;
        return obj;
    }

    public static JsonObject AddIf(this JsonObject obj, string name, string? value) => value is null ? obj : obj.AddIf(name, JsonValue.Create(value));

    public static JsonObject AddIf(this JsonObject obj, string name, DateTimeOffset? value) =>
        value is null ? obj : obj.AddIf(name, Timestamp(value.Value));
}
