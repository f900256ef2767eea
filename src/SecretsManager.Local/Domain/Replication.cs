using SecretsManager.Local.Protocol;
using SecretsManager.Local.State;

namespace SecretsManager.Local.Domain;

/// <summary>Creating replicas of a primary secret in other Regions.</summary>
internal static class Replication
{
    /// <summary>Reads AddReplicaRegions and checks it against the primary's Region, without changing anything.</summary>
    public static List<ReplicaRequest> Read(RequestReader reader, string primaryRegion)
    {
        var list = new List<ReplicaRequest>();
        foreach (var r in reader.StructureList("AddReplicaRegions") ?? [])
        {
            var region = r.String("Region") ?? throw ServiceException.InvalidParameter("Each replica Region needs a Region.");
            if (region == primaryRegion)
                throw ServiceException.InvalidParameter($"Invalid replica Region {region}: it is the Region of the primary secret.");
            if (list.Any(x => x.Region == region))
                throw ServiceException.InvalidParameter($"The Region {region} is listed twice in AddReplicaRegions.");
            list.Add(new ReplicaRequest(region, r.String("KmsKeyId")));
        }
        return list;
    }

    /// <summary>Creates the replicas; a name clash in a Region is a Failed status unless ForceOverwriteReplicaSecret.</summary>
    public static void Add(ServiceState state, Secret primary, IEnumerable<ReplicaRequest> requests, bool forceOverwrite, DateTimeOffset now)
    {
        foreach (var request in requests)
        {
            if (primary.Replicas.Any(r => r.Region == request.Region && r.Status == "InSync")) continue;
            primary.Replicas.RemoveAll(r => r.Region == request.Region);
            var store = state.Region(request.Region);
            if (store.Secrets.TryGetValue(primary.Name, out var clash) && !forceOverwrite)
            {
                primary.Replicas.Add(new ReplicaStatus
                {
                    Region = request.Region, KmsKeyId = request.KmsKeyId, Status = "Failed",
                    StatusMessage = $"Replication failed: Secret name {primary.Name} already exists in region {request.Region}.",
                });
                continue;
            }
            if (clash is not null) store.Secrets.Remove(clash.Name);
            store.Secrets[primary.Name] = ReplicaSync.CreateReplica(primary, request.Region, state.AccountId, request.KmsKeyId, now);
            primary.Replicas.Add(new ReplicaStatus { Region = request.Region, KmsKeyId = request.KmsKeyId, Status = "InSync" });
        }
    }
}
