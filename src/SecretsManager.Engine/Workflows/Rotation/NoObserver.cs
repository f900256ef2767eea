namespace SecretsManager.Engine.Workflows.Rotation
{
    /// <summary>An observer that ignores everything.</summary>
    internal sealed class NoObserver : IRotationObserver
    {
        public static readonly NoObserver Instance = new NoObserver();

        public void StepStarting(RotationStep step) { }

        public void StateReached(RotationState state) { }

        public void Warn(string message) { }

        public void Note(string message) { }
    }
}
