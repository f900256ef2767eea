using System.Net;
using System.Text;

namespace SecretsManager.Engine.Tests.Support;

/// <summary>
/// Stands in for the network: records every request the SDK sends and answers from a script, so wire tests
/// see exactly what is on the wire without a server.
/// </summary>
public sealed class ScriptedHttpHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _script = new();
    private readonly object _lock = new();

    public List<CapturedRequest> Requests { get; } = new();

    /// <summary>When set, every answer carries this Date header (the server's clock).</summary>
    public DateTime? ResponseDate { get; set; }

    /// <summary>Answer used when the script is empty.</summary>
    public Func<HttpResponseMessage> Fallback { get; set; } = () => Json(HttpStatusCode.OK, "{}");

    public ScriptedHttpHandler Then(HttpStatusCode status, string body, string requestId = null)
    {
        lock (_lock) { _script.Enqueue(() => Json(status, body, requestId)); }
        return this;
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string body, string requestId = null)
    {
        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        response.Headers.TryAddWithoutValidation("x-amzn-RequestId", requestId ?? Guid.NewGuid().ToString());
        return response;
    }

    // The SDK's synchronous calls use HttpClient.Send on .NET.
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken).GetAwaiter().GetResult();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers) { headers[header.Key] = string.Join(",", header.Value); }
        string body = string.Empty;
        if (request.Content != null)
        {
            foreach (var header in request.Content.Headers) { headers[header.Key] = string.Join(",", header.Value); }
            body = await request.Content.ReadAsStringAsync(cancellationToken);
        }
        Func<HttpResponseMessage> next;
        lock (_lock)
        {
            Requests.Add(new CapturedRequest(request.Method.Method, request.RequestUri, headers, body));
            next = _script.Count > 0 ? _script.Dequeue() : Fallback;
        }
        var response = next();
        response.RequestMessage = request;
        if (ResponseDate.HasValue) { response.Headers.Date = new DateTimeOffset(ResponseDate.Value); }
        return response;
    }
}
