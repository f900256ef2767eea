using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>The command-line start contract: one URL line once it answers, loopback only, clean stop on SIGTERM/Ctrl+C.</summary>
public class CliStartTests
{
    [SkippableTheory]
    [InlineData(15)]
    [InlineData(2)]
    public async Task Port_zero_prints_the_URL_answers_and_stops_cleanly_on_a_signal(int signal)
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "POSIX signals are needed for this test.");
        using var local = await LocalProcess.StartAsync("--port", "0");

        Assert.Matches(new Regex(@"^http://127\.0\.0\.1:[1-9]\d*$"), local.Url);
        using (var client = new SmClient(local.Url!))
        {
            Assert.Equal(200, (await client.HookAsync(HttpMethod.Get, "/_local/health")).Status);
            SmAssert.Ok(await client.CallAsync("ListSecrets", new { }));
        }
        Assert.Single(local.Output.Split('\n'), line => line.Contains(local.Url!));

        local.Signal(signal);
        Assert.True(local.WaitForExit(TimeSpan.FromSeconds(20)), $"Still running 20 s after signal {signal}. Output:\n{local.Output}");
        Assert.True(local.ExitCode == 0, $"Exit code {local.ExitCode} after signal {signal}. Output:\n{local.Output}");
    }

    [SkippableFact]
    public async Task Stopping_while_a_rotation_command_runs_ends_that_command_too()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "The check for the leftover command reads /proc.");
        var dir = Directory.CreateTempSubdirectory("sm-local-stop-").FullName;
        var pidFile = Path.Combine(dir, "pid");
        int? child = null;
        try
        {
            using var local = await LocalProcess.StartAsync("--port", "0", "--rotation-function", $"Sleeper=echo $$ > '{pidFile}'; exec sleep 300");
            using (var client = new SmClient(local.Url!))
            {
                SmAssert.Ok(await client.CallAsync("CreateSecret", new { Name = "slow", SecretString = "v" }));
                SmAssert.Ok(await client.CallAsync("RotateSecret", new { SecretId = "slow", RotationLambdaARN = "arn:aws:lambda:us-east-1:123456789012:function:Sleeper" }));
            }
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (child is null && DateTime.UtcNow < deadline)
            {
                if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid)) child = pid;
                else await Task.Delay(100);
            }
            Assert.True(child is not null, $"The rotation command never started. Output:\n{local.Output}");

            local.Signal(15);
            Assert.True(local.WaitForExit(TimeSpan.FromSeconds(20)), $"Still running 20 s after SIGTERM with a rotation running. Output:\n{local.Output}");
            Assert.True(local.ExitCode == 0, $"Exit code {local.ExitCode}. Output:\n{local.Output}");
            Assert.False(IsRunning(child.Value), $"The rotation command (pid {child}) outlived the endpoint.");
        }
        finally
        {
            if (child is { } pid && IsRunning(pid)) System.Diagnostics.Process.GetProcessById(pid).Kill(); // never leave our own child behind
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>True while the process exists and is not a zombie waiting to be reaped.</summary>
    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    [Fact]
    public async Task An_explicit_port_is_used_and_printed()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        using var local = await LocalProcess.StartAsync("--port", port.ToString());
        Assert.Equal($"http://127.0.0.1:{port}", local.Url);
        using var client = new SmClient(local.Url!);
        Assert.Equal(200, (await client.HookAsync(HttpMethod.Get, "/_local/health")).Status);
    }

    [SkippableFact]
    public async Task It_listens_on_loopback_only()
    {
        var others = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses.Select(u => u.Address))
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a)).Distinct().ToList();
        Skip.If(others.Count == 0, "This machine has no non-loopback IPv4 address to probe.");

        using var local = await LocalProcess.StartAsync("--port", "0");
        var port = new Uri(local.Url!).Port;
        foreach (var address in others)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            var connect = socket.ConnectAsync(address, port);
            var finished = await Task.WhenAny(connect, Task.Delay(2000));
            Assert.False(finished == connect && connect.IsCompletedSuccessfully, $"SecretsManager.Local accepted a connection on {address}:{port}.");
        }
    }

    [Fact]
    public async Task The_in_process_server_stops_when_disposed()
    {
        var server = await LocalServer.StartAsync(new LocalServerOptions { Port = 0 });
        var url = server.Url;
        using var client = new SmClient(url);
        Assert.Equal(200, (await client.HookAsync(HttpMethod.Get, "/_local/health")).Status);
        await server.DisposeAsync();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.HookAsync(HttpMethod.Get, "/_local/health"));
    }

    [SkippableFact]
    public async Task Command_line_keys_and_rotation_functions_are_honoured()
    {
        var python = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "python3")).FirstOrDefault(File.Exists);
        Skip.If(python is null, "python3 is not on PATH; the external rotation script needs it.");
        var dir = Directory.CreateTempSubdirectory("sm-local-cli-").FullName;
        try
        {
            var script = Path.Combine(dir, "rotate.py");
            var log = Path.Combine(dir, "steps.log");
            File.WriteAllText(script, RotationScript.Source);

            using var local = await LocalProcess.StartAsync("--port", "0", "--access-key", "AKIDCLIEXAMPLE", "--secret-key", "cli/secret",
                "--rotation-function", $"CliRotator='{python}' '{script}' '{log}'");
            using var client = new SmClient(local.Url!);
            var keys = new SignOptions { AccessKey = "AKIDCLIEXAMPLE", SecretKey = "cli/secret" };

            SmAssert.Error(await client.CallAsync("ListSecrets", new { }), "UnrecognizedClientException");
            SmAssert.Ok(await client.CallAsync("CreateSecret", new { Name = "cli", SecretString = "before" }, keys));
            var rotate = SmAssert.Ok(await client.CallAsync("RotateSecret",
                new { SecretId = "cli", RotationLambdaARN = "arn:aws:lambda:us-east-1:123456789012:function:CliRotator" }, keys));
            var token = SmAssert.Str(rotate, "VersionId");

            var deadline = DateTime.UtcNow.AddSeconds(30);
            string? current = null;
            while (DateTime.UtcNow < deadline && current != "rotated-by-script")
            {
                var value = await client.CallAsync("GetSecretValue", new { SecretId = "cli" }, keys);
                current = value.IsSuccess ? SmAssert.Str(value.Json, "SecretString") : null;
                if (current != "rotated-by-script") await Task.Delay(200);
            }
            Assert.True(current == "rotated-by-script", $"The command-line rotation function never made its version current. Output:\n{local.Output}");
            Assert.Contains(File.ReadAllLines(log), l => l.StartsWith("STEP finishSecret") && l.Contains(token));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
