using SecretsManager.Engine.Workflows.Rotation;

namespace SecretsManager.Engine.Tests.Support;

/// <summary>Processes on one pretend host, each with its own claimant; a killed one's claims read as dead.</summary>
public sealed class FakeProcesses
{
    private readonly HashSet<int> _running = new();
    private readonly object _gate = new();
    private int _next = 4100;

    public FakeProcesses(string host = "test-host") => Host = host;

    public string Host { get; }

    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>A new process's claimant.</summary>
    public RotationClaimant Start()
    {
        int pid;
        lock (_gate) { pid = _next++; _running.Add(pid); }
        return new RotationClaimant(Host, pid, 1_000_000 + pid, () => Now, StartOf);
    }

    public void Kill(RotationClaimant process)
    {
        lock (_gate) { _running.Remove(process.ProcessId); }
    }

    private long? StartOf(int pid)
    {
        lock (_gate) { return _running.Contains(pid) ? 1_000_000 + pid : null; }
    }
}
