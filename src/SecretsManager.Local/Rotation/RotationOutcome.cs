namespace SecretsManager.Local.Rotation;

/// <summary>
/// Where one rotation (a secret's version <paramref name="VersionId"/>) stands: Running, Finished or Failed, and for a
/// failure the step and why. On AWS the same news is a RotationFailed event in CloudTrail; here GET /_local/rotations.
/// </summary>
internal sealed record RotationOutcome(string Region, string Name, string Arn, string VersionId, string State, string? Step, string? Message)
{
    public const string Running = "Running";
    public const string Finished = "Finished";
    public const string Failed = "Failed";
}
