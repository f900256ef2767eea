using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>The region comes from the SigV4 credential scope, and each region keeps its own secrets.</summary>
public class RegionTests : LocalServerTestBase
{
    public RegionTests(LocalServerFixture fixture) : base(fixture) { }

    [Fact]
    public async Task A_secret_is_not_visible_from_another_region()
    {
        await CreateSecret("regional", "east");
        await Fails("DescribeSecret", new { SecretId = "regional" }, "ResourceNotFoundException", region: "eu-west-1");
        await Fails("GetSecretValue", new { SecretId = "regional" }, "ResourceNotFoundException", region: "eu-west-1");
        Assert.Empty(await ListAll(region: "eu-west-1"));
        Assert.Single(await ListAll(region: "us-east-1"));
    }

    [Fact]
    public async Task The_ARN_carries_the_region_of_the_credential_scope()
    {
        var created = await CreateSecret("scoped", "v", region: "ap-southeast-2");
        Assert.StartsWith("arn:aws:secretsmanager:ap-southeast-2:123456789012:secret:scoped-", SmAssert.Str(created, "ARN"));
    }

    [Fact]
    public async Task The_same_name_in_two_regions_is_two_independent_secrets()
    {
        var east = await CreateSecret("twin", "east-value");
        var west = await CreateSecret("twin", "west-value", region: "us-west-2");

        Assert.Contains(":us-east-1:", SmAssert.Str(east, "ARN"));
        Assert.Contains(":us-west-2:", SmAssert.Str(west, "ARN"));
        Assert.Equal("east-value", await GetString("twin"));
        Assert.Equal("west-value", await GetString("twin", region: "us-west-2"));

        await Ok("DeleteSecret", new { SecretId = "twin", ForceDeleteWithoutRecovery = true }, "us-west-2");
        Assert.Equal("east-value", await GetString("twin"));
    }
}
