namespace SecretsManager.Engine.Workflows.Rotation
{
    /// <summary>The steps' names as AWS's rotation functions spell them (the Step of a rotation event).</summary>
    public static class RotationStepName
    {
        /// <summary>createSecret, setSecret, testSecret, finishSecret, or restoreTarget.</summary>
        public static string Of(RotationStep step)
        {
            switch (step)
            {
                case RotationStep.CreateSecret: return "createSecret";
                case RotationStep.SetSecret: return "setSecret";
                case RotationStep.TestSecret: return "testSecret";
                case RotationStep.FinishSecret: return "finishSecret";
                default: return "restoreTarget";
            }
        }
    }
}
