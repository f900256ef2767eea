using System.Text.Json.Nodes;

namespace SecretsManager.Engine.Tests.Support;

/// <summary>One HTTP request as it left the SDK pipeline.</summary>
public sealed record CapturedRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public JsonObject Json => (JsonObject)JsonNode.Parse(Body);
}
