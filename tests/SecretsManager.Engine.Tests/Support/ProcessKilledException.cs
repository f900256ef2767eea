namespace SecretsManager.Engine.Tests.Support;

/// <summary>A process that is killed: what a step throws to stop the run with no clean-up, as a killed process would.</summary>
public sealed class ProcessKilledException : OperationCanceledException
{
    public ProcessKilledException() : base("killed") { }
}
