using System.Net.Http.Headers;
using System.Text;
using SecretsManager.Local.Auth;

namespace SecretsManager.Bench;

/// <summary>
/// One Secrets Manager call, signed once. SecretsManager.Local checks the signature and the clock skew but keeps no
/// nonce, so the same signed bytes can be replayed for minutes: the load generator measures the endpoint, not signing.
/// </summary>
public sealed class SignedRequest
{
    private static readonly MediaTypeHeaderValue JsonType = MediaTypeHeaderValue.Parse("application/x-amz-json-1.1");
    private readonly Uri _uri;
    private readonly string _target;
    private readonly byte[] _body;
    private readonly string _amzDate;
    private readonly string _authorization;

    public SignedRequest(Uri uri, string operation, string jsonBody, string accessKey, string secretKey, string region)
    {
        _uri = uri;
        _target = "secretsmanager." + operation;
        _body = Encoding.UTF8.GetBytes(jsonBody);
        using var message = Build(null, null);
        SigV4Signer.Sign(message, _body, region, accessKey, secretKey, DateTimeOffset.UtcNow);
        _amzDate = message.Headers.GetValues("X-Amz-Date").First();
        _authorization = message.Headers.GetValues("Authorization").First();
    }

    /// <summary>A fresh message carrying the signature made up front (an HttpRequestMessage can be sent only once).</summary>
    public HttpRequestMessage ToMessage() => Build(_amzDate, _authorization);

    /// <summary>Signs a new message now, as an SDK does for every call.</summary>
    public static HttpRequestMessage SignNow(Uri uri, string operation, byte[] body, string accessKey, string secretKey, string region)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = JsonType;
        message.Headers.TryAddWithoutValidation("X-Amz-Target", "secretsmanager." + operation);
        SigV4Signer.Sign(message, body, region, accessKey, secretKey, DateTimeOffset.UtcNow);
        return message;
    }

    private HttpRequestMessage Build(string? amzDate, string? authorization)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, _uri) { Content = new ByteArrayContent(_body) };
        message.Content.Headers.ContentType = JsonType;
        message.Headers.TryAddWithoutValidation("X-Amz-Target", _target);
        if (authorization != null)
        {
            message.Headers.Host = _uri.Authority;
            message.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
            message.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        return message;
    }
}
