using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>A rejected request changes nothing, even when only one of its parts is wrong.</summary>
public class AtomicityTests : LocalServerTestBase
{
    public AtomicityTests(LocalServerFixture fixture) : base(fixture) { }

    [Fact]
    public async Task UpdateSecret_with_a_conflicting_token_keeps_the_old_description()
    {
        var token = NewToken();
        await Ok("CreateSecret", new { Name = "u", SecretString = "v1", Description = "before", ClientRequestToken = token });
        await Fails("UpdateSecret", new { SecretId = "u", Description = "after", SecretString = "other", ClientRequestToken = token }, "ResourceExistsException");
        Assert.Equal("before", SmAssert.Str(await Describe("u"), "Description"));
        Assert.Equal("v1", await GetString("u"));
    }

    [Fact]
    public async Task TagResource_with_one_bad_tag_adds_none()
    {
        await CreateSecret("t");
        await Fails("TagResource", new { SecretId = "t", Tags = new[] { new { Key = "good", Value = "1" }, new { Key = "aws:bad", Value = "2" } } },
            "InvalidParameterException");
        Assert.False((await Describe("t")).TryGetProperty("Tags", out var tags) && tags.GetArrayLength() > 0);
    }

    [Fact]
    public async Task CreateSecret_with_a_bad_replica_region_creates_nothing_anywhere()
    {
        await Fails("CreateSecret", new { Name = "r", SecretString = "v", AddReplicaRegions = new[] { new { Region = "eu-west-1" }, new { Region = "us-east-1" } } },
            "InvalidParameterException");
        await Fails("DescribeSecret", new { SecretId = "r" }, "ResourceNotFoundException");
        await Fails("DescribeSecret", new { SecretId = "r" }, "ResourceNotFoundException", region: "eu-west-1");
    }

    [Fact]
    public async Task PutSecretValue_refused_during_deletion_moves_no_label()
    {
        await CreateSecret("d", "v1");
        var before = await Versions("d");
        await Ok("DeleteSecret", new { SecretId = "d" });
        await Fails("PutSecretValue", new { SecretId = "d", SecretString = "v2", VersionStages = new[] { "AWSCURRENT" } }, "InvalidRequestException");
        await Ok("RestoreSecret", new { SecretId = "d" });
        Assert.Equal(before, await Versions("d"), new VersionMapComparer());
    }

    [Fact]
    public async Task A_refused_policy_leaves_the_previous_policy_in_place()
    {
        const string narrow = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}""";
        const string open = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"secretsmanager:GetSecretValue","Resource":"*"}]}""";
        await CreateSecret("p");
        await Ok("PutResourcePolicy", new { SecretId = "p", ResourcePolicy = narrow });
        await Fails("PutResourcePolicy", new { SecretId = "p", ResourcePolicy = open, BlockPublicPolicy = true }, "PublicPolicyException");
        await Fails("PutResourcePolicy", new { SecretId = "p", ResourcePolicy = "{broken" }, "MalformedPolicyDocumentException");
        var policy = SmAssert.Str(await Ok("GetResourcePolicy", new { SecretId = "p" }), "ResourcePolicy");
        Assert.Contains("arn:aws:iam::123456789012:root", policy);
    }
}
