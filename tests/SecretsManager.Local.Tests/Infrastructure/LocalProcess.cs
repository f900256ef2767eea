using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SecretsManager.Local.Tests.Infrastructure;

/// <summary>SecretsManager.Local run as a separate process through its command line; always stopped on dispose.</summary>
public sealed partial class LocalProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private LocalProcess(Process process) => _process = process;

    public string? Url { get; private set; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output { get { lock (_output) return string.Join('\n', _output); } }

    /// <summary>The built SecretsManager.Local.dll next to the tests (copied there by the project reference).</summary>
    public static string DllPath()
    {
        var candidates = new[]
        {
            Path.Combine(AppContext.BaseDirectory, "SecretsManager.Local.dll"),
        };
        var dll = candidates.FirstOrDefault(p => File.Exists(p) && File.Exists(Path.ChangeExtension(p, ".runtimeconfig.json")));
        return dll ?? throw new FileNotFoundException($"SecretsManager.Local.dll with its runtimeconfig was not found in {AppContext.BaseDirectory}.");
    }

    /// <summary>Starts <c>dotnet SecretsManager.Local.dll args</c> and waits for the line that carries its URL.</summary>
    public static Task<LocalProcess> StartAsync(params string[] args) => StartAsync(new Dictionary<string, string>(), args);

    /// <summary>As <see cref="StartAsync(string[])"/>, with these environment variables set for the process.</summary>
    public static async Task<LocalProcess> StartAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment) psi.Environment[name] = value;
        psi.ArgumentList.Add(DllPath());
        foreach (var a in args) psi.ArgumentList.Add(a);
        var local = new LocalProcess(Process.Start(psi)!);
        var urlSeen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        local._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (local._output) local._output.Add(e.Data);
            var match = UrlPattern().Match(e.Data);
            if (match.Success) urlSeen.TrySetResult(match.Value);
        };
        local._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (local._output) local._output.Add("stderr: " + e.Data); };
        local._process.BeginOutputReadLine();
        local._process.BeginErrorReadLine();

        var winner = await Task.WhenAny(urlSeen.Task, local._process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (winner != urlSeen.Task)
        {
            local.Dispose();
            throw new InvalidOperationException($"SecretsManager.Local printed no URL. Output:\n{local.Output}");
        }
        local.Url = await urlSeen.Task;
        return local;
    }

    /// <summary>Sends a POSIX signal (SIGTERM = 15, SIGINT = 2) with the system's kill command.</summary>
    public void Signal(int signal)
    {
        var psi = new ProcessStartInfo("kill") { UseShellExecute = false, RedirectStandardError = true };
        psi.ArgumentList.Add("-" + signal);
        psi.ArgumentList.Add(_process.Id.ToString());
        using var kill = Process.Start(psi)!;
        var error = kill.StandardError.ReadToEnd();
        kill.WaitForExit();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -{signal} {_process.Id} failed: {error}");
    }

    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10000);
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex UrlPattern();
}
