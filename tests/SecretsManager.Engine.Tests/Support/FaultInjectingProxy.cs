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
    private readonly Func<string, Step> _byOperation;

    /// <param name="target">The real endpoint, e.g. SecretsManager.Local's URL.</param>
    /// <param name="script">What to do with the first requests; later requests are forwarded untouched.</param>
    public FaultInjectingProxy(string target, params Step[] script) : this(target, (Func<string, Step>)null, script) { }

    /// <param name="target">The real endpoint.</param>
    /// <param name="random">After the script: the step for each further request (e.g. a fault 30% of the time); null forwards.</param>
    /// <param name="script">What to do with the first requests.</param>
    public FaultInjectingProxy(string target, Func<Step> random, params Step[] script) : this(target, random == null ? null : _ => random(), script) { }

    /// <param name="target">The real endpoint.</param>
    /// <param name="byOperation">After the script: the step for each further request, by its operation (X-Amz-Target without the prefix).</param>
    /// <param name="script">What to do with the first requests.</param>
    public FaultInjectingProxy(string target, Func<string, Step> byOperation, params Step[] script)
    {
        _byOperation = byOperation;
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

    /// <summary>The status and body of each answer the real endpoint gave to a forwarded request.</summary>
    public List<string> ForwardedAnswers { get; } = new();

    /// <summary>
    /// One scripted step: forward or not, then answer with the real response or a fake one, or close the connection
    /// without an answer (<paramref name="Close"/>), after <paramref name="Delay"/>.
    /// </summary>
    public sealed record Step(bool Forward, int? FakeStatus = null, string FakeBody = null, bool Close = false, TimeSpan Delay = default)
    {
        /// <summary>Forward, then close the connection before the answer: the write happened, the client never hears of it.</summary>
        public static Step ForwardThenDrop() => new(true, Close: true);

        /// <summary>Do not forward; close the connection without an answer.</summary>
        public static Step Drop() => new(false, Close: true);

        /// <summary>Do not forward; hold the request unanswered for <paramref name="delay"/>, then close the connection.</summary>
        public static Step Stall(TimeSpan delay) => new(false, Close: true, Delay: delay);

        /// <summary>Forward, then hold the answer back for <paramref name="delay"/> and close the connection.</summary>
        public static Step ForwardThenStall(TimeSpan delay) => new(true, Close: true, Delay: delay);

        /// <summary>Wait, then forward and answer as usual.</summary>
        public static Step Delayed(TimeSpan delay) => new(true, Delay: delay);

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
            // Concurrently: a stalled request must not hold up the next one (the client's retry, or a check).
            _ = Task.Run(() => HandleAsync(context));
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
            string operation = (context.Request.Headers["X-Amz-Target"] ?? string.Empty).Replace("secretsmanager.", string.Empty);
            step = _script.Count > 0 ? _script.Dequeue() : _byOperation?.Invoke(operation) ?? new Step(true);
        }
        try
        {
            await PlayAsync(context, body, step);
        }
        catch (Exception) when (!_listener.IsListening)
        {
            // Stopped while a request was in flight.
        }
        catch (HttpListenerException)
        {
            // The client went away first (it timed out).
        }
    }

    private async Task PlayAsync(HttpListenerContext context, byte[] body, Step step)
    {

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
            lock (_script) ForwardedAnswers.Add($"{status} {System.Text.Encoding.UTF8.GetString(answer)}");
        }
        if (step.Delay > TimeSpan.Zero) { await Task.Delay(step.Delay); }
        if (step.Close)
        {
            // HttpListener answers an aborted response with an empty 200 if nothing was sent: promise a body, send a
            // few bytes, then abort, so the client sees the connection end in the middle of the answer.
            context.Response.StatusCode = 200;
            context.Response.ContentLength64 = 4096;
            await context.Response.OutputStream.WriteAsync(System.Text.Encoding.UTF8.GetBytes("{\"ARN\":"));
            await context.Response.OutputStream.FlushAsync();
            context.Response.Abort();
            return;
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
