using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SecretsManager.Local.Auth;
using SecretsManager.Local.Protocol;

namespace SecretsManager.Local.Rotation;

/// <summary>A minimal signed awsJson1_1 client for the endpoint's own API, used by the built-in rotation function.</summary>
internal sealed class LocalApiClient : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });
    private readonly Func<string> _baseUrl;
    private readonly string _accessKey;
    private readonly string _secretKey;

    public LocalApiClient(Func<string> baseUrl, string accessKey, string secretKey)
    {
        _baseUrl = baseUrl;
        _accessKey = accessKey;
        _secretKey = secretKey;
    }

    /// <summary>Calls an operation; returns the response object or throws <see cref="LocalApiException"/> with the AWS error code.</summary>
    public async Task<JsonObject> CallAsync(string region, string operation, JsonObject request, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(request.Text());
        using var message = new HttpRequestMessage(HttpMethod.Post, _baseUrl().TrimEnd('/') + "/");
        message.Content = new ByteArrayContent(body);
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-amz-json-1.1");
        message.Headers.Add("X-Amz-Target", "secretsmanager." + operation);
        SigV4Signer.Sign(message, body, region, _accessKey, _secretKey, DateTimeOffset.UtcNow);
        using var response = await _http.SendAsync(message, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        var json = JsonNode.Parse(text) as JsonObject ?? new JsonObject();
        if (!response.IsSuccessStatusCode)
            throw new LocalApiException(json["__type"]?.GetValue<string>() ?? "Unknown", json["message"]?.GetValue<string>() ?? text);
        return json;
    }

    public void Dispose() => _http.Dispose();
}
