namespace SecretsManager.Engine.Workflows.Rotation
{
    /// <summary>
    /// Where a rotation's failure can be learnt before its labels show it: AWS tells it only in CloudTrail (its
    /// RotationFailed event), SecretsManager.Local on a hook of its own.
    /// </summary>
    public interface IRotationReport
    {
        /// <summary>The failed step of the rotation that creates <paramref name="versionId"/>, or null: none known (yet).</summary>
        RotationStepFailure FailureOf(string secretId, string versionId);
    }
}
