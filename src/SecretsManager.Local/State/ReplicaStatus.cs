namespace SecretsManager.Local.State;

/// <summary>Replication state of one replica Region, as the primary reports it.</summary>
internal sealed class ReplicaStatus
{
    public required string Region { get; init; }
    public string? KmsKeyId { get; init; }
    public required string Status { get; set; }
    public string? StatusMessage { get; set; }
}
