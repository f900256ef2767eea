namespace SecretsManager.Local.State;

/// <summary>A secret in one Region: metadata, versions, tags, policy, rotation and replication links.</summary>
internal sealed class Secret
{
    public required string Name { get; init; }
    public required string Arn { get; init; }
    public required string Region { get; init; }

    /// <summary>The 6 random characters after the name in the ARN; replicas share it.</summary>
    public required string Suffix { get; init; }

    public string? Description { get; set; }
    public string? KmsKeyId { get; set; }
    public required DateTimeOffset CreatedDate { get; init; }
    public DateTimeOffset LastChangedDate { get; set; }
    public DateTimeOffset? LastAccessedDate { get; set; }

    /// <summary>When set, the secret is scheduled for deletion and is purged at this time.</summary>
    public DateTimeOffset? DeletionDate { get; set; }

    public List<SecretTag> Tags { get; set; } = [];

    /// <summary>Versions in creation order.</summary>
    public List<SecretVersion> Versions { get; set; } = [];

    public string? ResourcePolicy { get; set; }
    public RotationState Rotation { get; set; } = new();
    public string? OwningService { get; init; }

    /// <summary>For a managed external secret: the partner's secret type (CreateSecret/UpdateSecret Type).</summary>
    public string? Type { get; set; }

    /// <summary>For a replica: the Region of its primary. Null for a primary/standalone secret.</summary>
    public string? PrimaryRegion { get; set; }

    /// <summary>For a primary: its replicas.</summary>
    public List<ReplicaStatus> Replicas { get; } = [];

    public bool IsReplica => PrimaryRegion is not null;
    public bool IsScheduledForDeletion => DeletionDate is not null;

    public SecretVersion? FindVersion(string versionId) => Versions.FirstOrDefault(v => v.VersionId == versionId);

    public SecretVersion? FindByStage(string stage) => Versions.FirstOrDefault(v => v.Stages.Contains(stage));
}
