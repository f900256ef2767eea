using System.Diagnostics;

namespace SecretsManager.Local.Rotation;

/// <summary>
/// A rotation function implemented by an external command (<c>--rotation-function NAME=COMMAND</c>). The command runs through
/// the shell with the Lambda event JSON on stdin and environment variables pointing it at this endpoint; a non-zero exit
/// code fails the step (its standard error goes to the endpoint's log).
/// </summary>
internal sealed class ExternalCommandRotationFunction : IRotationFunction
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private readonly string _name;
    private readonly string _command;
    private readonly Func<string> _baseUrl;
    private readonly string _accessKey;
    private readonly string _secretKey;

    public ExternalCommandRotationFunction(string name, string command, Func<string> baseUrl, string accessKey, string secretKey)
    {
        _name = name;
        _command = command;
        _baseUrl = baseUrl;
        _accessKey = accessKey;
        _secretKey = secretKey;
    }

    public async Task InvokeAsync(RotationEvent e, CancellationToken ct)
    {
        var psi = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe") { ArgumentList = { "/d", "/c", _command } }
            : new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", _command } };
        psi.RedirectStandardInput = true;
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        var url = _baseUrl();
        psi.Environment["AWS_ENDPOINT_URL"] = url;
        psi.Environment["AWS_ENDPOINT_URL_SECRETS_MANAGER"] = url;
        psi.Environment["AWS_ACCESS_KEY_ID"] = _accessKey;
        psi.Environment["AWS_SECRET_ACCESS_KEY"] = _secretKey;
        psi.Environment["AWS_REGION"] = e.Region;
        psi.Environment["AWS_DEFAULT_REGION"] = e.Region;
        psi.Environment["SECRETS_MANAGER_LOCAL_URL"] = url;
        psi.Environment["ROTATION_STEP"] = e.Step;
        psi.Environment.Remove("AWS_SESSION_TOKEN");
        psi.Environment.Remove("AWS_PROFILE");

        using var process = new Process { StartInfo = psi };
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new RotationStepException($"Rotation function '{_name}' could not start: {ex.Message}", ex);
        }
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.StandardInput.WriteAsync(e.ToJson());
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The command ended, or closed its input, without reading the event: its exit code still decides the step.
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new RotationStepException($"Rotation function '{_name}' step {e.Step} was stopped: it ran longer than {Timeout.TotalMinutes} minutes or the endpoint is stopping.");
        }
        await Task.WhenAll(stdout, stderr);
        if (process.ExitCode != 0)
            throw new RotationStepException($"Rotation function '{_name}' step {e.Step} exited with code {process.ExitCode}.", detail: stderr.Result.Trim());
    }
}
