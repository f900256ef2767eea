using SecretsManager.Engine.Model;
using SecretsManager.Engine.Tests.EndToEnd;
using SecretsManager.Engine.Workflows.Reading;

namespace SecretsManager.Engine.Tests.Workflows;

[Collection(LocalServerCollection.Name)]
public class SecretListingTests
{
    private readonly LocalServerFixture _local;

    public SecretListingTests(LocalServerFixture local) => _local = local;

    [Fact]
    public void SendsTheLiteralPrefixAndMatchesTheRestLocally()
    {
        string root = LocalServerFixture.UniqueName("listing");
        var client = _local.CreateClient();
        foreach (string leaf in new[] { "db/a", "db/b", "web/a" }) { client.CreateSecret(new CreateSecretRequest { Name = $"{root}/{leaf}", SecretString = "v" }); }
        var listing = new SecretListing(new[] { $"{root}/*/a" }, null, null, false, null, null);
        Assert.Equal($"{root}/", Assert.Single(listing.Request.Filters.Single(f => f.Key == "name").Values));
        Assert.Equal(new[] { $"{root}/db/a", $"{root}/web/a" }, listing.Entries(client).Select(e => e.Name).OrderBy(n => n));
    }

    [Fact]
    public void NamesTheLiteralsThatMatchedNothingOnlyOnceTheListingIsComplete()
    {
        string root = LocalServerFixture.UniqueName("literal");
        var client = _local.CreateClient();
        client.CreateSecret(new CreateSecretRequest { Name = $"{root}/here", SecretString = "v" });
        var listing = new SecretListing(new[] { $"{root}/here", $"{root}/absent", $"{root}/pattern*" }, null, null, false, null, null);
        using (var entries = listing.Entries(client).GetEnumerator())
        {
            Assert.True(entries.MoveNext());
            Assert.Empty(listing.MissingNames);
            Assert.False(entries.MoveNext());
        }
        Assert.Equal(new[] { $"{root}/absent" }, listing.MissingNames);
    }

    [Fact]
    public void MatchesTagKeysExactlyAndValuesByPattern()
    {
        string root = LocalServerFixture.UniqueName("tags");
        var client = _local.CreateClient();
        client.CreateSecret(new CreateSecretRequest { Name = $"{root}/prod", SecretString = "v", Tags = new List<Tag> { new Tag { Key = "env", Value = "production" } } });
        client.CreateSecret(new CreateSecretRequest { Name = $"{root}/dev", SecretString = "v", Tags = new List<Tag> { new Tag { Key = "Env", Value = "production" } } });
        var listing = new SecretListing(new[] { $"{root}/*" }, new[] { new KeyValuePair<string, string>("env", "prod*") }, null, false, null, null);
        Assert.Equal($"{root}/prod", Assert.Single(listing.Entries(client)).Name);
    }
}
