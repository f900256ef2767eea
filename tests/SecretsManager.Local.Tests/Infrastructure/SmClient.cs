using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecretsManager.Local.Tests.Infrastructure;

/// <summary>
/// Sends raw awsJson1_1 requests (<c>POST /</c>, <c>X-Amz-Target: secretsmanager.Op</c>) signed with
/// <see cref="SigV4Signer"/>. No AWS SDK: what goes over the wire is exactly what the test wrote.
/// </summary>
public sealed class SmClient : IDisposable
{
    public const string JsonContentType = "application/x-amz-json-1.1";

    private static readonly JsonSerializerOptions Serializer = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    // The endpoint is plain HTTP on loopback: no proxy, no CA bundle involved.
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    public SmClient(string baseUrl) => BaseUrl = baseUrl.TrimEnd('/');

    public string BaseUrl { get; }

    /// <summary>Serializes <paramref name="body"/> (anonymous object, dictionary…) and calls the operation.</summary>
    public Task<SmResponse> CallAsync(string operation, object? body, SignOptions? sign = null) =>
        SendAsync("secretsmanager." + operation, JsonSerializer.Serialize(body ?? new { }, Serializer), sign);

    /// <summary>Calls with a body given verbatim (for malformed or mistyped JSON).</summary>
    public Task<SmResponse> CallRawAsync(string operation, string rawBody, SignOptions? sign = null) =>
        SendAsync("secretsmanager." + operation, rawBody, sign);

    /// <summary>Sends a signed request with any X-Amz-Target value (or none when null).</summary>
    public async Task<SmResponse> SendAsync(string? target, string rawBody, SignOptions? sign = null)
    {
        sign ??= SignOptions.Default;
        var uri = new Uri(BaseUrl + "/");
        var payload = sign.Payload ?? Encoding.UTF8.GetBytes(rawBody);
        var signedAt = sign.SignedAt ?? DateTime.UtcNow;
        var amzDate = SigV4Signer.AmzDate(signedAt);

        var headers = new Dictionary<string, string>
        {
            ["content-type"] = JsonContentType,
            ["host"] = sign.Host ?? uri.Authority,
            ["x-amz-date"] = amzDate,
        };
        if (target is not null && !sign.TargetUnsigned) headers["x-amz-target"] = target;
        foreach (var extra in sign.ExtraSignedHeaders ?? new Dictionary<string, string>()) headers[extra.Key] = extra.Value;

        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        if (sign.Host is not null) request.Headers.Host = sign.Host;
        var sent = sign.BodySentInsteadOfSigned ?? payload;
        request.Content = new ByteArrayContent(sent);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(JsonContentType);
        if (!sign.OmitDateHeader) request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        if (target is not null) request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        foreach (var extra in sign.ExtraSignedHeaders ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(extra.Key, extra.Value);
        if (sign.AuthorizationOverride is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", sign.AuthorizationOverride);
        }
        else if (!sign.Unsigned)
        {
            var authorization = SigV4Signer.Authorization("POST", "/", string.Empty, headers, payload,
                sign.AccessKey, sign.SecretKey, sign.Region, sign.Service, signedAt);
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await _http.SendAsync(request).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        var answer = new SmResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? string.Empty, text)
        {
            RequestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null,
        };
        // Every test checks this too: an error code the model doesn't list for the operation is a bug of the endpoint.
        if (answer.ErrorCode is { } code && target is not null && target.StartsWith("secretsmanager.", StringComparison.Ordinal)
            && !ModelErrors.Allows(target["secretsmanager.".Length..], code))
            throw new Xunit.Sdk.XunitException($"{target} answered {code}, which the model does not list for that operation: {answer}");
        return answer;
    }

    /// <summary>Calls a test hook (<c>/_local/...</c>), which needs no signature but its own header.</summary>
    public async Task<SmResponse> HookAsync(HttpMethod method, string pathAndQuery)
    {
        using var request = new HttpRequestMessage(method, BaseUrl + pathAndQuery);
        if (method == HttpMethod.Post) request.Content = new ByteArrayContent([]);
        request.Headers.Add("X-SecretsManager-Local-Hook", "1");
        using var response = await _http.SendAsync(request).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return new SmResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? string.Empty, text);
    }

    public void Dispose() => _http.Dispose();
}
