using System.Net;

namespace SecretsManager.Bench;

/// <summary>HttpClients for loopback: no proxy from the environment, connections kept alive.</summary>
public static class LoopbackHttp
{
    public static HttpClient Create(int connections) => new(new SocketsHttpHandler
    {
        UseProxy = false,
        MaxConnectionsPerServer = connections,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.None,
    })
    { Timeout = TimeSpan.FromSeconds(30) };
}
