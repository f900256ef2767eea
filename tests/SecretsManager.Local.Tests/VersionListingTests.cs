using System.Text.Json;
using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>ListSecretVersionIds paging and its NextToken.</summary>
public class VersionListingTests : LocalServerTestBase
{
    public VersionListingTests(LocalServerFixture fixture) : base(fixture) { }

    [Fact]
    public async Task MaxResults_pages_through_every_version_exactly_once()
    {
        await CreateSecret("paged", "v0");
        for (var i = 1; i < 7; i++) await Ok("PutSecretValue", new { SecretId = "paged", SecretString = $"v{i}", VersionStages = new[] { $"L{i}" } });

        var seen = new List<string>();
        var sizes = new List<int>();
        string? token = null;
        do
        {
            var page = await Ok("ListSecretVersionIds", new { SecretId = "paged", MaxResults = 3, NextToken = token });
            var ids = page.GetProperty("Versions").EnumerateArray().Select(v => SmAssert.Str(v, "VersionId")).ToList();
            sizes.Add(ids.Count);
            seen.AddRange(ids);
            Assert.StartsWith("arn:aws:secretsmanager:us-east-1:123456789012:secret:paged-", SmAssert.Str(page, "ARN"));
            token = page.TryGetProperty("NextToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        } while (token is not null && sizes.Count < 10);

        Assert.Equal([3, 3, 1], sizes);
        Assert.Equal(7, seen.Distinct().Count());
    }

    [Fact]
    public async Task A_bad_NextToken_is_InvalidNextTokenException()
    {
        await CreateSecret("paged", "v0");
        await Fails("ListSecretVersionIds", new { SecretId = "paged", NextToken = "bogus-token" }, "InvalidNextTokenException");
    }

    [Fact]
    public async Task Versions_carry_their_creation_date_in_epoch_seconds()
    {
        await CreateSecret("dated", "v0");
        var version = Assert.Single((await Ok("ListSecretVersionIds", new { SecretId = "dated" })).GetProperty("Versions").EnumerateArray());
        SmAssert.Epoch(version, "CreatedDate");
    }

    [Fact]
    public async Task Listing_versions_of_a_missing_secret_is_ResourceNotFoundException()
    {
        await Fails("ListSecretVersionIds", new { SecretId = "ghost" }, "ResourceNotFoundException");
    }
}
