namespace SecretsManager.Local.Rotation;

/// <summary>The four steps of a Lambda rotation function, in order.</summary>
internal static class RotationSteps
{
    public const string CreateSecret = "createSecret";
    public const string SetSecret = "setSecret";
    public const string TestSecret = "testSecret";
    public const string FinishSecret = "finishSecret";

    public static readonly IReadOnlyList<string> All = [CreateSecret, SetSecret, TestSecret, FinishSecret];
}
