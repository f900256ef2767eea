using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SecretsManager.Local.Auth;
using SecretsManager.Local.Domain;
using SecretsManager.Local.Hosting;
using SecretsManager.Local.Operations;
using SecretsManager.Local.Protocol;
using SecretsManager.Local.Rotation;
using SecretsManager.Local.State;

namespace SecretsManager.Local;

/// <summary>
/// A running SecretsManager.Local endpoint on 127.0.0.1. Start it in-process with <see cref="StartAsync"/>, stop it with
/// <see cref="DisposeAsync"/>.
/// </summary>
public sealed class LocalServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RotationRunner _rotation;
    private readonly ServiceState _state;
    private readonly DueWork _dueWork;
    private readonly Timer _dueTimer;
    private int _disposed;

    private LocalServer(WebApplication app, string url, LocalClock clock, RotationRunner rotation, ServiceState state, DueWork dueWork)
    {
        _app = app;
        Url = url;
        Clock = clock;
        _rotation = rotation;
        _state = state;
        _dueWork = dueWork;
        // Real time passes too: purges and scheduled rotations also fall due without any request.
        _dueTimer = new Timer(_ => RunDueNow(), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
    }

    private void RunDueNow()
    {
        lock (_state.Sync) _dueWork.RunDue(Clock.UtcNow);
    }

    /// <summary>The endpoint URL, <c>http://127.0.0.1:&lt;port&gt;</c>.</summary>
    public string Url { get; }

    /// <summary>The port Kestrel listens on.</summary>
    public int Port => new Uri(Url).Port;

    /// <summary>The endpoint clock (recovery windows and rotation schedules follow it).</summary>
    public LocalClock Clock { get; }

    /// <summary>Starts an endpoint and returns once it accepts requests.</summary>
    public static async Task<LocalServer> StartAsync(LocalServerOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(options), $"Port must be 0-65535, not {options.Port}.");
        if (string.IsNullOrEmpty(options.AccessKey) || string.IsNullOrEmpty(options.SecretKey))
            throw new ArgumentException("AccessKey and SecretKey must not be empty.", nameof(options));
        if (!CommandLine.IsAccountId(options.AccountId))
            throw new ArgumentException($"AccountId must be 12 digits, not '{options.AccountId}'.", nameof(options));

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        // Only --port decides where it listens: no configuration source (ASPNETCORE_/DOTNET_ variables, an
        // appsettings.json beside the binary) may add a Kestrel endpoint or URL, such as 0.0.0.0.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(); // where the settings below go
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, string.Empty);
        builder.WebHost.UseSetting(WebHostDefaults.PreferHostingUrlsKey, "false");
        builder.Logging.ClearProviders();
        if (options.HandleConsoleSignals)
        {
            // Command-line use: warnings (failed rotations) go to stderr, stdout keeps only the "listening" line.
            builder.Logging.AddSimpleConsole().AddFilter("Microsoft", LogLevel.Warning).SetMinimumLevel(LogLevel.Warning);
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }
        else
        {
            builder.Services.AddSingleton<IHostLifetime, NoSignalHostLifetime>();
        }
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            // The API's 4 MiB limit is checked once the body is read (a clean 413); Kestrel's own, higher limit only
            // stops bodies so large that reading them would be the harm.
            k.Limits.MaxRequestBodySize = RequestDispatcher.MaxBodyBytes * 4;
        });
        builder.WebHost.UseSetting(WebHostDefaults.PreventHostingStartupKey, "true");
        var app = builder.Build();

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SecretsManager.Local");
        var state = new ServiceState(options.AccountId);
        var clock = new LocalClock();
        var rotation = new RotationRunner(options, state, clock, logger);
        var dueWork = new DueWork(state, rotation);
        var counter = new RequestCounter();
        var dispatcher = new RequestDispatcher(state, clock, new SigV4Verifier(options.AccessKey, options.SecretKey),
            OperationRegistry.CreateDefault(), rotation, dueWork, logger, counter);
        var hooks = new TestHooks(state, clock, dueWork, rotation, counter);

        app.Use((http, next) => LoopbackGuard.InvokeAsync(http, () => next(http)));
        app.MapPost("/", dispatcher.HandleAsync);
        app.MapPost("/_local/reset", hooks.ResetAsync);
        app.MapPost("/_local/clock/advance", hooks.AdvanceAsync);
        app.MapPost("/_local/rotation/wait", hooks.WaitRotationsAsync);
        app.MapGet("/_local/health", hooks.HealthAsync);
        app.MapGet("/_local/requests", hooks.RequestsAsync);
        app.MapGet("/_local/rotations", hooks.RotationsAsync);
        app.MapFallback(TestHooks.NotFoundAsync);

        await app.StartAsync(ct);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToList();
        if (addresses.Count != 1 || !addresses[0].StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
        {
            await app.StopAsync(CancellationToken.None);
            throw new InvalidOperationException($"SecretsManager.Local must listen on 127.0.0.1 only, but Kestrel listens on {string.Join(", ", addresses)}.");
        }
        var address = addresses[0];
        var url = "http://127.0.0.1:" + new Uri(address).Port;
        rotation.BaseUrl = url;
        return new LocalServer(app, url, clock, rotation, state, dueWork);
    }

    /// <summary>Moves the endpoint clock forward and runs what falls due (purges, scheduled rotations).</summary>
    public void AdvanceClock(TimeSpan by)
    {
        Clock.Advance(by);
        RunDueNow();
    }

    /// <summary>Waits until no rotation is running.</summary>
    public Task WhenRotationsIdleAsync(CancellationToken ct = default) => _rotation.WhenIdleAsync(ct);

    /// <summary>Completes when the host is asked to stop (Ctrl+C or SIGTERM when <see cref="LocalServerOptions.HandleConsoleSignals"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken ct = default) => _app.WaitForShutdownAsync(ct);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _dueTimer.DisposeAsync();
        await _app.StopAsync();
        await _rotation.DisposeAsync();
        await _app.DisposeAsync();
    }
}
