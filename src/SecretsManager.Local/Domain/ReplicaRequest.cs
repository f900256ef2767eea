namespace SecretsManager.Local.Domain;

/// <summary>A requested replica Region and its KMS key.</summary>
internal sealed record ReplicaRequest(string Region, string? KmsKeyId);
