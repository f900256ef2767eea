using System.Text.RegularExpressions;
using SecretsManager.Local.Hosting;
using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>--account-id: two endpoints play two AWS accounts, so their ARNs differ.</summary>
public class AccountIdTests
{
    private const string Other = "210987654321";

    [Fact]
    public async Task Every_ARN_names_the_account_the_endpoint_plays()
    {
        await using var server = await LocalServer.StartAsync(new LocalServerOptions { Port = 0, AccountId = Other });
        using var client = new SmClient(server.Url);
        var arn = SmAssert.Str(SmAssert.Ok(await client.CallAsync("CreateSecret", new { Name = "acct/db", SecretString = "v" })), "ARN");
        Assert.Matches(new Regex($@"^arn:aws:secretsmanager:us-east-1:{Other}:secret:acct/db-[A-Za-z0-9]{{6}}$"), arn);

        // Found by its own full and partial ARN; an ARN of the default account names another account's secret.
        SmAssert.Ok(await client.CallAsync("DescribeSecret", new { SecretId = arn }));
        SmAssert.Ok(await client.CallAsync("DescribeSecret", new { SecretId = arn[..^7] }));
        SmAssert.Error(await client.CallAsync("DescribeSecret", new { SecretId = arn.Replace($":{Other}:", $":{LocalServerOptions.DefaultAccountId}:") }), "ResourceNotFoundException");

        SmAssert.Ok(await client.CallAsync("ReplicateSecretToRegions", new { SecretId = "acct/db", AddReplicaRegions = new[] { new { Region = "eu-west-1" } } }));
        var replica = SmAssert.Ok(await client.CallAsync("DescribeSecret", new { SecretId = "acct/db" }, new SignOptions { Region = "eu-west-1" }));
        Assert.Contains($":eu-west-1:{Other}:secret:acct/db-", SmAssert.Str(replica, "ARN"));
    }

    [Fact]
    public async Task The_default_account_is_unchanged()
    {
        await using var server = await LocalServer.StartAsync(new LocalServerOptions { Port = 0 });
        using var client = new SmClient(server.Url);
        var arn = SmAssert.Str(SmAssert.Ok(await client.CallAsync("CreateSecret", new { Name = "acct/default" })), "ARN");
        Assert.Contains(":123456789012:secret:acct/default-", arn);
    }

    [Theory]
    [InlineData("12345678901")]
    [InlineData("1234567890123")]
    [InlineData("12345678901a")]
    [InlineData("")]
    public async Task An_account_id_that_is_not_12_digits_is_refused(string value)
    {
        var e = Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--account-id", value]));
        Assert.Contains("--account-id must be 12 digits", e.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => LocalServer.StartAsync(new LocalServerOptions { AccountId = value }));
    }

    [Fact]
    public void The_command_line_takes_the_account_id()
    {
        Assert.Equal(Other, CommandLine.Parse(["--account-id", Other]).AccountId);
        Assert.Equal(LocalServerOptions.DefaultAccountId, CommandLine.Parse([]).AccountId);
        Assert.Contains("--account-id", CommandLine.Usage);
    }
}
