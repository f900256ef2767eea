using SecretsManager.Engine.Lookups;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Tests.EndToEnd;

/// <summary>What tab completion reads through the engine: secret names by prefix, tag keys, regions and profiles.</summary>
[Collection(LocalServerCollection.Name)]
public class CompletionLookupTests
{
    private readonly LocalServerFixture _local;

    public CompletionLookupTests(LocalServerFixture local) => _local = local;

    [Fact]
    public void NamesArePagedByPrefixAndTheListingSaysWhetherItIsComplete()
    {
        using var client = _local.CreateClient();
        string prefix = $"engine-e2e/names-{Guid.NewGuid():N}/";
        for (int i = 0; i < 5; i++) client.CreateSecret(new CreateSecretRequest { Name = prefix + i, SecretString = "v" });

        var all = SecretNameListing.Read(client, prefix, includePlannedDeletion: false, maxNames: 1000);
        Assert.True(all.Complete);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => prefix + i), all.Names.OrderBy(n => n, StringComparer.Ordinal));

        client.DeleteSecret(new DeleteSecretRequest { SecretId = prefix + "4", RecoveryWindowInDays = 7 });
        Assert.Equal(4, SecretNameListing.Read(client, prefix, false, 1000).Names.Count);
        Assert.Equal(5, SecretNameListing.Read(client, prefix, true, 1000).Names.Count);
        for (int i = 0; i < 5; i++) client.DeleteSecret(new DeleteSecretRequest { SecretId = prefix + i, ForceDeleteWithoutRecovery = true });
    }

    [Fact]
    public void TagKeysAreSortedAndEachOnce()
    {
        using var client = _local.CreateClient();
        string name = LocalServerFixture.UniqueName("tags");
        client.CreateSecret(new CreateSecretRequest { Name = name, SecretString = "v", Tags = new() { new Tag { Key = "team", Value = "a" }, new Tag { Key = "env", Value = "b" } } });
        Assert.Equal(new[] { "env", "team" }, TagLookup.Keys(client, name));
        client.DeleteSecret(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
    }

    [Fact]
    public void RegionsComeFromTheSdkInEveryPartitionWithoutEndpointVariants()
    {
        var names = RegionCatalog.Regions.Select(r => r.SystemName).ToList();
        foreach (string region in new[] { "us-east-1", "ap-southeast-7", "mx-central-1", "us-gov-west-1", "cn-north-1" }) Assert.Contains(region, names);
        Assert.DoesNotContain("us-east-1-regional", names);
        Assert.Equal(names.Distinct().Count(), names.Count);
        Assert.Equal("aws-us-gov", RegionCatalog.Regions.Single(r => r.SystemName == "us-gov-west-1").Partition);
        Assert.Contains("Ireland", RegionCatalog.Regions.Single(r => r.SystemName == "eu-west-1").DisplayName);
    }
}
