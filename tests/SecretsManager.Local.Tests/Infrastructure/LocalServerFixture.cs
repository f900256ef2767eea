using Xunit;

namespace SecretsManager.Local.Tests.Infrastructure;

/// <summary>One in-process SecretsManager.Local per test class, on a free loopback port, stopped afterwards.</summary>
public class LocalServerFixture : IAsyncLifetime
{
    private LocalServer? _server;

    public SmClient Client { get; private set; } = null!;

    public string Url => _server?.Url ?? throw new InvalidOperationException("The server is not started.");

    /// <summary>Options for the server; subclasses add rotation functions.</summary>
    protected virtual LocalServerOptions CreateOptions() => new() { Port = 0 };

    public async Task InitializeAsync()
    {
        _server = await LocalServer.StartAsync(CreateOptions());
        Client = new SmClient(_server.Url);
    }

    public virtual async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }
}
