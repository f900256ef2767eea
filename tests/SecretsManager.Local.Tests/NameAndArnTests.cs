using System.Text.RegularExpressions;
using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>ARN format, lookup by name / full ARN / partial ARN, and the secret name rules.</summary>
public class NameAndArnTests : LocalServerTestBase
{
    public NameAndArnTests(LocalServerFixture fixture) : base(fixture) { }

    [Fact]
    public async Task The_ARN_is_region_account_name_and_six_random_characters()
    {
        var created = await CreateSecret("prod/app/db-password");
        var arn = SmAssert.Str(created, "ARN");
        Assert.Matches(new Regex(@"^arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/app/db-password-[A-Za-z0-9]{6}$"), arn);
        Assert.Equal("prod/app/db-password", SmAssert.Str(created, "Name"));
        Assert.Equal(arn, SmAssert.Str(await Describe("prod/app/db-password"), "ARN"));
    }

    [Fact]
    public async Task A_recreated_secret_gets_a_new_ARN_suffix()
    {
        var first = SmAssert.Str(await CreateSecret("recreated"), "ARN");
        await Ok("DeleteSecret", new { SecretId = "recreated", ForceDeleteWithoutRecovery = true });
        var second = SmAssert.Str(await CreateSecret("recreated"), "ARN");
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task A_secret_is_found_by_name_full_ARN_and_partial_ARN()
    {
        var arn = SmAssert.Str(await CreateSecret("lookup/me", "found"), "ARN");
        var partial = arn[..^7]; // without "-" and the six random characters

        foreach (var id in new[] { "lookup/me", arn, partial })
        {
            Assert.Equal(arn, SmAssert.Str(await Describe(id), "ARN"));
            Assert.Equal("found", await GetString(id));
        }
    }

    [Fact]
    public async Task A_full_ARN_with_the_wrong_suffix_is_not_found()
    {
        var arn = SmAssert.Str(await CreateSecret("suffix"), "ARN");
        var wrong = arn[..^6] + (arn[^6..] == "AAAAAA" ? "BBBBBB" : "AAAAAA");
        await Fails("DescribeSecret", new { SecretId = wrong }, "ResourceNotFoundException");
    }

    [Fact]
    public async Task An_ARN_for_another_account_is_not_found()
    {
        var arn = SmAssert.Str(await CreateSecret("account"), "ARN");
        await Fails("DescribeSecret", new { SecretId = arn.Replace(":123456789012:", ":210987654321:") }, "ResourceNotFoundException");
    }

    [Fact]
    public async Task A_name_may_use_every_allowed_character()
    {
        const string name = "Az09/_+=.@-name";
        var created = await CreateSecret(name);
        Assert.Equal(name, SmAssert.Str(created, "Name"));
        await Describe(name);
    }

    [Fact]
    public async Task A_name_of_512_characters_is_accepted()
    {
        var name = new string('n', 512);
        await CreateSecret(name);
        await Describe(name);
    }

    [Fact]
    public async Task A_name_longer_than_512_characters_is_ValidationException()
    {
        await Fails("CreateSecret", new { Name = new string('n', 513), SecretString = "v" }, "ValidationException");
        Assert.Empty(await ListAll());
    }

    [Fact]
    public async Task An_empty_name_is_ValidationException()
    {
        await Fails("CreateSecret", new { Name = "", SecretString = "v" }, "ValidationException");
        Assert.Empty(await ListAll());
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData("hash#tag")]
    [InlineData("star*")]
    [InlineData("question?")]
    [InlineData("quote'")]
    [InlineData("accentué")]
    [InlineData("back\\slash")]
    public async Task A_name_with_a_character_outside_the_allowed_set_is_ValidationException(string name)
    {
        // AWS answers "Invalid name. Must be a valid name containing alphanumeric characters, ..." as a ValidationException.
        await Fails("CreateSecret", new { Name = name, SecretString = "v" }, "ValidationException");
        Assert.Empty(await ListAll());
    }
}
