using System.Net;

namespace SecretsManager.Engine.Tests.Support;

/// <summary>
/// A tiny HTTP endpoint on 127.0.0.1 in front of SecretsManager.Local that plays a script of faults: each step
/// may forward the request (keeping the signed Host header) and may replace the answer. Records every body it saw.
/// </summary>
public sealed class FaultInjectingProxy : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _forward = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });
    private readonly Uri _target;
    private readonly Queue<Step> _script;
    private readonly Task _loop;

    /// <param name="target">The real endpoint, e.g. SecretsManager.Local's URL.</param>
    /// <param name="script">What to do with the first requests; later requests are forwarded untouched.</param>
    public FaultInjectingProxy(string target, params Step[] script)
    {
        _target = new Uri(target);
        _script = new Queue<Step>(script);
        int port = FreePort.Get();
        Url = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public List<string> ReceivedBodies { get; } = new();

    /// <summary>One scripted step: forward or not, then answer with the real response or a fake one.</summary>
    public sealed record Step(bool Forward, int? FakeStatus = null, string FakeBody = null)
    {
        /// <summary>Forward, lose the real answer, answer with a fake error instead (as if the response was lost).</summary>
        public static Step ForwardThenFail(int status, string body) => new(true, status, body);

        /// <summary>Do not forward; answer with a fake error.</summary>
        public static Step Fail(int status, string body) => new(false, status, body);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (!_listener.IsListening) { return; }
            catch (HttpListenerException) { return; }
            await HandleAsync(context);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        byte[] body;
        using (var buffer = new MemoryStream())
        {
            await context.Request.InputStream.CopyToAsync(buffer);
            body = buffer.ToArray();
        }
        Step step;
        lock (_script)
        {
            ReceivedBodies.Add(System.Text.Encoding.UTF8.GetString(body));
            step = _script.Count > 0 ? _script.Dequeue() : new Step(true);
        }

        int status = 502;
        string contentType = "application/x-amz-json-1.1";
        byte[] answer = Array.Empty<byte>();
        string requestId = Guid.NewGuid().ToString();
        if (step.Forward)
        {
            using HttpResponseMessage real = await _forward.SendAsync(CopyRequest(context.Request, body));
            status = (int)real.StatusCode;
            answer = await real.Content.ReadAsByteArrayAsync();
            contentType = real.Content.Headers.ContentType?.ToString() ?? contentType;
            if (real.Headers.TryGetValues("x-amzn-RequestId", out var ids)) { requestId = ids.First(); }
        }
        if (step.FakeStatus.HasValue)
        {
            status = step.FakeStatus.Value;
            answer = System.Text.Encoding.UTF8.GetBytes(step.FakeBody ?? string.Empty);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        context.Response.ContentLength64 = answer.Length;
        await context.Response.OutputStream.WriteAsync(answer);
        context.Response.Close();
    }

    private HttpRequestMessage CopyRequest(HttpListenerRequest incoming, byte[] body)
    {
        var outgoing = new HttpRequestMessage(new HttpMethod(incoming.HttpMethod), new Uri(_target, incoming.RawUrl))
        {
            Content = new ByteArrayContent(body),
        };
        foreach (string name in incoming.Headers.AllKeys)
        {
            string value = incoming.Headers[name];
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) { outgoing.Content.Headers.TryAddWithoutValidation(name, value); }
            else if (name.Equals("Host", StringComparison.OrdinalIgnoreCase)) { outgoing.Headers.Host = value; } // the signature covers it
            else if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && !name.Equals("Connection", StringComparison.OrdinalIgnoreCase) &&
                     !name.Equals("Expect", StringComparison.OrdinalIgnoreCase))
            {
                outgoing.Headers.TryAddWithoutValidation(name, value);
            }
        }
        return outgoing;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _forward.Dispose();
    }
}
