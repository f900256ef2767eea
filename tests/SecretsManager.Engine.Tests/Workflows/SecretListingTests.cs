using SecretsManager.Engine.Model;
using SecretsManager.Engine.Tests.EndToEnd;
using SecretsManager.Engine.Tests.Support;
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

    [Fact]
    public void MatchesNamesCaseSensitivelyAsAwsComparesThem()
    {
        string root = LocalServerFixture.UniqueName("case");
        var client = _local.CreateClient();
        foreach (string leaf in new[] { "db/lower", "db/UPPER", "Db/mixed" }) { client.CreateSecret(new CreateSecretRequest { Name = $"{root}/{leaf}", SecretString = "v" }); }
        Assert.Equal(new[] { $"{root}/db/UPPER", $"{root}/db/lower" },
            new SecretListing(new[] { $"{root}/db/*" }, null, null, false, null, null).Entries(client).Select(e => e.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal($"{root}/db/UPPER", Assert.Single(new SecretListing(new[] { $"{root}/*/UPPER" }, null, null, false, null, null).Entries(client)).Name);
        Assert.Empty(new SecretListing(new[] { $"{root}/*/upper" }, null, null, false, null, null).Entries(client));
        // A literal name is exact: another case is not found, and is reported missing.
        var literal = new SecretListing(new[] { $"{root}/DB/LOWER" }, null, null, false, null, null);
        Assert.Empty(literal.Entries(client));
        Assert.Equal(new[] { $"{root}/DB/LOWER" }, literal.MissingNames);
    }

    [Fact]
    public void AListingThatFoundNothingSaysWhenTheNamesExistInAnotherCaseForOneMorePage()
    {
        string root = LocalServerFixture.UniqueName("hint");
        var intercepting = InterceptingClient.Over(_local.CreateClient());
        intercepting.Client.CreateSecret(new CreateSecretRequest { Name = $"{root}/billing/db", SecretString = "v" });

        var upper = new SecretListing(new[] { root.ToUpperInvariant() + "/*" }, null, null, false, null, null);
        Assert.Empty(upper.Entries(intercepting.Client));
        int listed = intercepting.Count("ListSecrets");
        string hint = upper.CaseHint(intercepting.Client);
        Assert.Contains($"No secret name matches '{root.ToUpperInvariant()}/*'", hint);
        Assert.Contains($"'{root}/billing/db' starts with '{root}/'", hint);
        Assert.Equal(1, intercepting.Count("ListSecrets") - listed);

        // Found something, or nothing in any case: no hint; a lower-case prefix costs one page (upper case) to rule out.
        var found = new SecretListing(new[] { root + "/*" }, null, null, false, null, null);
        Assert.Single(found.Entries(intercepting.Client));
        Assert.Null(found.CaseHint(intercepting.Client));
        var absent = new SecretListing(new[] { root + "-absent/*" }, null, null, false, null, null);
        Assert.Empty(absent.Entries(intercepting.Client));
        listed = intercepting.Count("ListSecrets");
        Assert.Null(absent.CaseHint(intercepting.Client));
        Assert.Equal(1, intercepting.Count("ListSecrets") - listed);
    }
}
