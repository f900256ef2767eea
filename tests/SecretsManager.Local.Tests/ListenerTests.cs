using System.Net;
using System.Net.Sockets;
using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>Only --port decides where the command-line endpoint listens, whatever the environment says.</summary>
public class ListenerTests
{
    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static bool Accepts(IPAddress address, int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(address, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [Fact]
    public async Task Kestrel_endpoints_and_URLs_from_the_environment_add_no_listener()
    {
        int extra = FreePort(), urls = FreePort(), httpPorts = FreePort();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_Kestrel__Endpoints__Extra__Url"] = $"http://0.0.0.0:{extra}",
            ["ASPNETCORE_URLS"] = $"http://0.0.0.0:{urls}",
            ["URLS"] = $"http://0.0.0.0:{urls}",
            ["ASPNETCORE_HTTP_PORTS"] = httpPorts.ToString(),
            ["DOTNET_URLS"] = $"http://0.0.0.0:{urls}",
        };
        using var local = await LocalProcess.StartAsync(environment, "--port", "0");
        var port = new Uri(local.Url!).Port;

        Assert.True(Accepts(IPAddress.Loopback, port), $"The endpoint doesn't answer at {local.Url}. Output:\n{local.Output}");
        Assert.False(Accepts(IPAddress.Loopback, extra), $"A Kestrel endpoint from the environment listens on {extra}.");
        Assert.False(Accepts(IPAddress.Loopback, urls), $"ASPNETCORE_URLS made it listen on {urls}.");
        Assert.False(Accepts(IPAddress.Loopback, httpPorts), $"ASPNETCORE_HTTP_PORTS made it listen on {httpPorts}.");
        // Bound to 127.0.0.1 itself, not to every address: another loopback address finds nothing.
        Assert.False(Accepts(IPAddress.Parse("127.0.0.2"), port), "The endpoint listens beyond 127.0.0.1.");
    }
}
