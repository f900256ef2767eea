using SecretsManager.Engine.Lookups;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Tests.EndToEnd;

/// <summary>Which version holds a label (Set-SmSecretVersionStage's lookup) and what completion offers.</summary>
[Collection(LocalServerCollection.Name)]
public class VersionLookupTests
{
    private readonly LocalServerFixture _local;

    public VersionLookupTests(LocalServerFixture local) => _local = local;

    [Fact]
    public void TheHolderOfALabelAndEveryLabelAndVersionAreFound()
    {
        using var client = _local.CreateClient();
        string name = LocalServerFixture.UniqueName("lookup");
        var first = client.CreateSecret(new CreateSecretRequest { Name = name, SecretString = "one" });
        var second = client.PutSecretValue(new PutSecretValueRequest { SecretId = name, SecretString = "two" });
        var staged = client.PutSecretValue(new PutSecretValueRequest { SecretId = name, SecretString = "three", VersionStages = new() { "BLUE" } });

        Assert.Equal(second.VersionId, VersionLookup.HolderOf(client, name, "AWSCURRENT"));
        Assert.Equal(first.VersionId, VersionLookup.HolderOf(client, name, "AWSPREVIOUS"));
        Assert.Null(VersionLookup.HolderOf(client, name, "AWSPENDING"));
        Assert.Equal(new[] { "AWSCURRENT", "AWSPREVIOUS", "BLUE" }, VersionLookup.Stages(client, name).OrderBy(s => s, StringComparer.Ordinal));
        Assert.Equal(new[] { first.VersionId, second.VersionId, staged.VersionId }.OrderBy(v => v), VersionLookup.VersionIds(client, name).OrderBy(v => v));
        client.DeleteSecret(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
    }
}
