namespace SecretsManager.Engine.Workflows.Rotation
{
    /// <summary>The step at which a rotation failed, and why, as the service that ran it reports it.</summary>
    public sealed class RotationStepFailure
    {
        /// <summary>A failed step.</summary>
        public RotationStepFailure(string step, string message)
        {
            Step = step;
            Message = message;
        }

        /// <summary>createSecret, setSecret, testSecret or finishSecret.</summary>
        public string Step { get; }

        /// <summary>Why it failed.</summary>
        public string Message { get; }
    }
}
