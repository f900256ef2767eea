namespace SecretsManager.Engine.Tests.Support;

/// <summary>Passes requests to the real network and records each X-Amz-Target, to prove which operations ran.</summary>
public sealed class RecordingHandler : DelegatingHandler
{
    public RecordingHandler() : base(new SocketsHttpHandler { UseProxy = false }) { }

    public HashSet<string> Operations { get; } = new();

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Record(request);
        return base.Send(request, cancellationToken);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Record(request);
        return base.SendAsync(request, cancellationToken);
    }

    private void Record(HttpRequestMessage request)
    {
        if (request.Headers.TryGetValues("X-Amz-Target", out var targets))
        {
            lock (Operations) { Operations.Add(targets.First().Substring("secretsmanager.".Length)); }
        }
    }
}
