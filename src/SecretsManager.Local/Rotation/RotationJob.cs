namespace SecretsManager.Local.Rotation;

/// <summary>One running rotation: which secret (by Region, name and ARN), which function, and the new version's id.</summary>
internal sealed record RotationJob(string Region, string Name, string Arn, string LambdaArn, string Token, string RotationToken);
