namespace SecretsManager.Local.Rotation;

/// <summary>
/// One running rotation: which secret (by Region, name and ARN), what rotates it (a Lambda ARN, or the partner of a
/// managed external secret), and the new version's id.
/// </summary>
internal sealed record RotationJob(string Region, string Name, string Arn, string? LambdaArn, string? PartnerType, string Token, string RotationToken)
{
    /// <summary>What the logs and failures name: the Lambda ARN, or the partner.</summary>
    public string Rotator => LambdaArn ?? $"the {PartnerType} partner";
}
