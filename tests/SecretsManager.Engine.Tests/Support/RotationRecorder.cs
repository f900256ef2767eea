using SecretsManager.Engine.Workflows.Rotation;

namespace SecretsManager.Engine.Tests.Support;

/// <summary>Records what a rotation told its observer.</summary>
public sealed class RotationRecorder : IRotationObserver
{
    public List<RotationStep> Steps { get; } = new();
    public List<RotationState> States { get; } = new();
    public List<string> Warnings { get; } = new();
    public List<string> Notes { get; } = new();

    public void StepStarting(RotationStep step) => Steps.Add(step);
    public void StateReached(RotationState state) => States.Add(state);
    public void Warn(string message) => Warnings.Add(message);
    public void Note(string message) => Notes.Add(message);
}
