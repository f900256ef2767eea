using SecretsManager.Local.State;

namespace SecretsManager.Local.Domain;

/// <summary>Copies a primary secret's values and metadata to its in-sync replicas in other Regions.</summary>
internal static class ReplicaSync
{
    public static void Refresh(ServiceState state, Secret primary)
    {
        if (primary.IsReplica) return;
        foreach (var status in primary.Replicas.Where(r => r.Status == "InSync"))
        {
            if (!state.Region(status.Region).Secrets.TryGetValue(primary.Name, out var replica) || replica.PrimaryRegion != primary.Region)
                continue;
            CopyInto(primary, replica);
        }
    }

    /// <summary>Replicas mirror the value history, description and tags of the primary.</summary>
    public static void CopyInto(Secret primary, Secret replica)
    {
        replica.Versions = primary.Versions.Select(v => v.Clone()).ToList();
        replica.Description = primary.Description;
        replica.Tags = primary.Tags.ToList();
        replica.LastChangedDate = primary.LastChangedDate;
        replica.Rotation = primary.Rotation.Clone();
        replica.Rotation.RunningToken = null;
    }

    /// <summary>Creates the replica secret object for a Region.</summary>
    public static Secret CreateReplica(Secret primary, string region, string accountId, string? kmsKeyId, DateTimeOffset now)
    {
        var replica = new Secret
        {
            Name = primary.Name,
            Suffix = primary.Suffix,
            Arn = Arns.SecretArn(region, accountId, primary.Name, primary.Suffix),
            Region = region,
            CreatedDate = now,
            LastChangedDate = now,
            KmsKeyId = kmsKeyId,
            PrimaryRegion = primary.Region,
        };
        CopyInto(primary, replica);
        return replica;
    }
}
