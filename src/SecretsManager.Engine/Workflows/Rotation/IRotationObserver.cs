namespace SecretsManager.Engine.Workflows.Rotation
{
    /// <summary>What a rotation tells its caller while it runs (progress, warnings, -Verbose), on the caller's thread.</summary>
    public interface IRotationObserver
    {
        /// <summary>A step is about to run.</summary>
        void StepStarting(RotationStep step);

        /// <summary>The rotation reached a state (each state once, in order).</summary>
        void StateReached(RotationState state);

        /// <summary>Something the user must know although the rotation goes on (e.g. it resumes an interrupted one).</summary>
        void Warn(string message);

        /// <summary>A detail for -Verbose. Never a secret value.</summary>
        void Note(string message);
    }
}
