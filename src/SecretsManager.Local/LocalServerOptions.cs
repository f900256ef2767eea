namespace SecretsManager.Local;

/// <summary>Settings for one SecretsManager.Local endpoint.</summary>
public sealed class LocalServerOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>The only access key id the endpoint accepts (SigV4).</summary>
    public string AccessKey { get; set; } = "test";

    /// <summary>The secret access key paired with <see cref="AccessKey"/>.</summary>
    public string SecretKey { get; set; } = "test";

    /// <summary>The default of <see cref="AccountId"/>.</summary>
    public const string DefaultAccountId = "123456789012";

    /// <summary>
    /// The 12-digit account the endpoint plays: it is in every ARN. Two endpoints with different accounts stand for
    /// two AWS accounts (a copy between accounts, a policy naming the other account).
    /// </summary>
    public string AccountId { get; set; } = DefaultAccountId;

    /// <summary>Rotation function name → shell command that implements it (gets the Lambda event JSON on stdin).</summary>
    public IDictionary<string, string> RotationFunctions { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>When true the host reacts to Ctrl+C/SIGTERM itself (command-line use); in-process hosts leave signals alone.</summary>
    public bool HandleConsoleSignals { get; set; }
}
