using Microsoft.Extensions.Hosting;

namespace SecretsManager.Local.Hosting;

/// <summary>Host lifetime for in-process use: the embedding test host owns Ctrl+C and SIGTERM, not us.</summary>
internal sealed class NoSignalHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
