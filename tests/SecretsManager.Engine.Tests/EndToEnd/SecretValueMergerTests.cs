using System.Collections;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Tests.Support;
using SecretsManager.Engine.Workflows.Merging;

namespace SecretsManager.Engine.Tests.EndToEnd;

/// <summary>Set-SmSecretValue -Merge: keys change, the others stay, and a concurrent writer is never overwritten.</summary>
[Collection(LocalServerCollection.Name)]
public class SecretValueMergerTests
{
    private readonly LocalServerFixture _local;

    public SecretValueMergerTests(LocalServerFixture local) => _local = local;

    [Fact]
    public void AMergeMakesOneNewCurrentVersionWithTheOtherKeysKept()
    {
        using var client = _local.CreateClient();
        string name = LocalServerFixture.UniqueName("merge");
        var created = client.CreateSecret(new CreateSecretRequest { Name = name, SecretString = """{"username":"app","password":"p1"}""" });
        string token = Guid.NewGuid().ToString("D");

        var outcome = SecretValueMerger.Merge(client, name, new Hashtable { ["password"] = "p2" }, token);

        Assert.False(outcome.Conflict);
        Assert.Equal(token, outcome.VersionId);
        Assert.Equal(created.VersionId, outcome.PreviousVersionId);
        Assert.Equal(new[] { "AWSCURRENT" }, outcome.VersionStages);
        Assert.Equal("""{"username":"app","password":"p2"}""", client.GetSecretValue(new GetSecretValueRequest { SecretId = name }).SecretString);
        var versions = client.ListSecretVersionIds(new ListSecretVersionIdsRequest { SecretId = name, IncludeDeprecated = true }).Versions;
        Assert.Equal(2, versions.Count);
        Assert.Equal(new[] { "AWSPREVIOUS" }, versions.Single(v => v.VersionId == created.VersionId).VersionStages);
        Assert.Equal(new[] { "AWSCURRENT" }, versions.Single(v => v.VersionId == token).VersionStages);
        client.DeleteSecret(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
    }

    [Fact]
    public void AMergeThatChangesNothingWritesNoVersion()
    {
        using var client = _local.CreateClient();
        string name = LocalServerFixture.UniqueName("merge-same");
        var created = client.CreateSecret(new CreateSecretRequest { Name = name, SecretString = """{ "username": "app", "port": 5432, "tags": ["a", "b"] }""" });

        // The same values (other spacing, a number as a number), and a key to remove that isn't there.
        var outcome = SecretValueMerger.Merge(client, name, new Hashtable { ["username"] = "app", ["port"] = 5432, ["tags"] = new[] { "a", "b" }, ["gone"] = null });

        Assert.True(outcome.Unchanged);
        Assert.False(outcome.Conflict);
        Assert.Equal(created.VersionId, outcome.VersionId);
        Assert.Equal(new[] { "AWSCURRENT" }, outcome.VersionStages);
        Assert.Single(client.ListSecretVersionIds(new ListSecretVersionIdsRequest { SecretId = name, IncludeDeprecated = true }).Versions);

        // One key that differs is a change.
        Assert.False(SecretValueMerger.Merge(client, name, new Hashtable { ["username"] = "app", ["port"] = 5433 }).Unchanged);
        Assert.Equal(2, client.ListSecretVersionIds(new ListSecretVersionIdsRequest { SecretId = name, IncludeDeprecated = true }).Versions.Count);
        client.DeleteSecret(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
    }

    [Fact]
    public void AWriteThatRacesInBetweenWinsAndTheMergeSaysSo()
    {
        using var client = _local.CreateClient();
        string name = LocalServerFixture.UniqueName("merge-race");
        client.CreateSecret(new CreateSecretRequest { Name = name, SecretString = """{"username":"app","password":"p1"}""" });
        // Another writer stores a value just before the merge's own write.
        var racing = RacingClient.Wrap(client, () => client.PutSecretValue(new PutSecretValueRequest { SecretId = name, SecretString = """{"username":"other","password":"theirs"}""" }));

        var outcome = SecretValueMerger.Merge(racing, name, new Hashtable { ["password"] = "mine" });

        Assert.True(outcome.Conflict);
        Assert.Contains("moved away from version", outcome.ConflictMessage);
        Assert.Empty(outcome.VersionStages);
        Assert.Equal("""{"username":"other","password":"theirs"}""", client.GetSecretValue(new GetSecretValueRequest { SecretId = name }).SecretString);
        var merged = client.ListSecretVersionIds(new ListSecretVersionIdsRequest { SecretId = name, IncludeDeprecated = true }).Versions.Single(v => v.VersionId == outcome.VersionId);
        Assert.True(merged.VersionStages == null || merged.VersionStages.Count == 0, "the merged version keeps no label");
        client.DeleteSecret(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
    }

    [Fact]
    public void AValueThatIsNotAJsonObjectIsRefusedBeforeAnyWrite()
    {
        using var client = _local.CreateClient();
        string name = LocalServerFixture.UniqueName("merge-plain");
        client.CreateSecret(new CreateSecretRequest { Name = name, SecretString = "plain" });
        Assert.Throws<FormatException>(() => SecretValueMerger.Merge(client, name, new Hashtable { ["password"] = "x" }));
        Assert.Single(client.ListSecretVersionIds(new ListSecretVersionIdsRequest { SecretId = name, IncludeDeprecated = true }).Versions);
        client.DeleteSecret(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
    }
}
