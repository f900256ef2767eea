using System.Net;
using System.Net.Sockets;

namespace SecretsManager.Engine.Tests.Support;

/// <summary>A loopback port nobody listens on (bound, read, released).</summary>
public static class FreePort
{
    public static int Get()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
