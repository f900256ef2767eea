using System.Text.Json;
using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>
/// Managed external secrets: Type on CreateSecret/UpdateSecret, and RotateSecret through the partner with
/// ExternalSecretRotationRoleArn and ExternalSecretRotationMetadata instead of a Lambda (the built-in stand-in plays the partner).
/// </summary>
public class ManagedExternalSecretTests : LocalServerTestBase
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/SecretsManagerPartnerRotation";
    private const string SalesforceValue = """{"consumerKey":"key","consumerSecret":"old-secret","baseUri":"https://example.my.salesforce.com","appId":"0xApp","consumerId":"cid"}""";

    public ManagedExternalSecretTests(LocalServerFixture fixture) : base(fixture) { }

    private static readonly object[] Metadata = [new { Key = "apiVersion", Value = "v65.0" }, new { Key = "adminSecretArn", Value = "arn:aws:secretsmanager:us-east-1:123456789012:secret:admin-AbCdEf" }];

    private Task<JsonElement> CreatePartnerSecret(string name, string type = "SalesforceClientSecret") =>
        CreateSecret(name, SalesforceValue, new Dictionary<string, object?> { ["Type"] = type });

    [Fact]
    public async Task Type_is_stored_returned_by_DescribeSecret_and_ListSecrets_and_changed_by_UpdateSecret()
    {
        await CreatePartnerSecret("partner/sf");
        Assert.Equal("SalesforceClientSecret", SmAssert.Str(await Describe("partner/sf"), "Type"));
        Assert.Equal("SalesforceClientSecret", SmAssert.Str(Assert.Single(await ListAll()), "Type"));

        await Ok("UpdateSecret", new { SecretId = "partner/sf", Type = "SnowflakeKeyPairAuthentication" });
        Assert.Equal("SnowflakeKeyPairAuthentication", SmAssert.Str(await Describe("partner/sf"), "Type"));

        await CreateSecret("plain");
        Assert.False(SmAssert.Has(await Describe("plain"), "Type"));
    }

    [Fact]
    public async Task A_partner_secret_rotates_through_the_role_without_a_Lambda_and_records_the_metadata()
    {
        var old = SmAssert.Str(await CreatePartnerSecret("partner/rotate"), "VersionId");

        var token = SmAssert.Str(await Ok("RotateSecret", new
        {
            SecretId = "partner/rotate", ExternalSecretRotationRoleArn = RoleArn, ExternalSecretRotationMetadata = Metadata,
            RotationRules = new { AutomaticallyAfterDays = 30 },
        }), "VersionId");
        await WaitForRotations();

        var versions = await Versions("partner/rotate");
        Assert.Equal(token, VersionWith(versions, "AWSCURRENT"));
        Assert.Equal(old, VersionWith(versions, "AWSPREVIOUS"));
        using var value = JsonDocument.Parse(await GetString("partner/rotate"));
        Assert.NotEqual("old-secret", value.RootElement.GetProperty("consumerSecret").GetString());
        Assert.Equal("key", value.RootElement.GetProperty("consumerKey").GetString()); // every other key is kept

        var described = await Describe("partner/rotate");
        Assert.Equal(RoleArn, SmAssert.Str(described, "ExternalSecretRotationRoleArn"));
        Assert.False(SmAssert.Has(described, "RotationLambdaARN"));
        Assert.True(described.GetProperty("RotationEnabled").GetBoolean());
        Assert.True(SmAssert.Has(described, "LastRotatedDate"));
        var metadata = described.GetProperty("ExternalSecretRotationMetadata").EnumerateArray()
            .Select(m => $"{SmAssert.Str(m, "Key")}={SmAssert.Str(m, "Value")}").ToArray();
        Assert.Equal(["apiVersion=v65.0", "adminSecretArn=arn:aws:secretsmanager:us-east-1:123456789012:secret:admin-AbCdEf"], metadata);
        var listed = Assert.Single(await ListAll());
        Assert.Equal(RoleArn, SmAssert.Str(listed, "ExternalSecretRotationRoleArn"));
        Assert.Equal(2, listed.GetProperty("ExternalSecretRotationMetadata").GetArrayLength());
    }

    [Fact]
    public async Task A_second_rotation_reuses_the_recorded_role_and_metadata()
    {
        await CreatePartnerSecret("partner/again");
        await Ok("RotateSecret", new { SecretId = "partner/again", ExternalSecretRotationRoleArn = RoleArn, ExternalSecretRotationMetadata = Metadata });
        await WaitForRotations();

        var second = SmAssert.Str(await Ok("RotateSecret", new { SecretId = "partner/again" }), "VersionId");
        await WaitForRotations();

        Assert.Equal(second, VersionWith(await Versions("partner/again"), "AWSCURRENT"));
        Assert.Equal(2, (await Describe("partner/again")).GetProperty("ExternalSecretRotationMetadata").GetArrayLength());
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:user/someone")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:x")]
    [InlineData("arn:aws:iam::12345:role/too-short-account")]
    [InlineData("not-an-arn-but-20-chars-long")]
    public async Task A_malformed_role_ARN_is_InvalidParameterException_and_changes_nothing(string roleArn)
    {
        await CreatePartnerSecret("partner/bad-role");
        var before = await Versions("partner/bad-role");

        await Fails("RotateSecret", new { SecretId = "partner/bad-role", ExternalSecretRotationRoleArn = roleArn }, "InvalidParameterException");

        Assert.Equal(before, await Versions("partner/bad-role"), new VersionMapComparer());
        Assert.False(SmAssert.Has(await Describe("partner/bad-role"), "ExternalSecretRotationRoleArn"));
    }

    [Fact]
    public async Task Role_and_Lambda_together_are_InvalidParameterException()
    {
        await CreatePartnerSecret("partner/both");
        await Fails("RotateSecret", new
        {
            SecretId = "partner/both", ExternalSecretRotationRoleArn = RoleArn,
            RotationLambdaARN = "arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerLocalSingleUser",
        }, "InvalidParameterException");
    }

    [Fact]
    public async Task A_role_for_a_secret_without_a_Type_is_InvalidRequestException()
    {
        await CreateSecret("not-partner");
        await Fails("RotateSecret", new { SecretId = "not-partner", ExternalSecretRotationRoleArn = RoleArn }, "InvalidRequestException");
    }

    [Fact]
    public async Task Metadata_with_a_Lambda_rotation_is_InvalidParameterException()
    {
        await CreateSecret("lambda-secret");
        await Fails("RotateSecret", new
        {
            SecretId = "lambda-secret", ExternalSecretRotationMetadata = Metadata,
            RotationLambdaARN = "arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerLocalSingleUser",
        }, "InvalidParameterException");
    }

    [Fact]
    public async Task A_metadata_key_given_twice_is_InvalidParameterException()
    {
        await CreatePartnerSecret("partner/dup");
        await Fails("RotateSecret", new
        {
            SecretId = "partner/dup", ExternalSecretRotationRoleArn = RoleArn,
            ExternalSecretRotationMetadata = new[] { new { Key = "k", Value = "1" }, new { Key = "k", Value = "2" } },
        }, "InvalidParameterException");
    }

    public static TheoryData<string, object, string> ModelLimits() => new()
    {
        { "role ARN of 19 characters", new { ExternalSecretRotationRoleArn = new string('r', 19) }, "ValidationException" },
        { "role ARN of 2049 characters", new { ExternalSecretRotationRoleArn = "arn:aws:iam::123456789012:role/" + new string('r', 2049 - 31) }, "ValidationException" },
        { "metadata key of 257 characters", new { ExternalSecretRotationRoleArn = RoleArn, ExternalSecretRotationMetadata = new[] { new { Key = new string('k', 257), Value = "v" } } }, "ValidationException" },
        { "empty metadata key", new { ExternalSecretRotationRoleArn = RoleArn, ExternalSecretRotationMetadata = new[] { new { Key = "", Value = "v" } } }, "ValidationException" },
        { "metadata value of 2049 characters", new { ExternalSecretRotationRoleArn = RoleArn, ExternalSecretRotationMetadata = new[] { new { Key = "k", Value = new string('v', 2049) } } }, "ValidationException" },
        { "empty metadata value", new { ExternalSecretRotationRoleArn = RoleArn, ExternalSecretRotationMetadata = new[] { new { Key = "k", Value = "" } } }, "ValidationException" },
    };

    [Theory]
    [MemberData(nameof(ModelLimits))]
    public async Task Members_past_the_model_limits_are_ValidationException(string what, object extra, string code)
    {
        await CreatePartnerSecret("partner/limits");
        var body = JsonSerializer.SerializeToNode(extra)!.AsObject();
        body["SecretId"] = "partner/limits";
        var response = await CallRaw("RotateSecret", body.ToJsonString());
        Assert.True(response.ErrorCode == code, $"{what}: {response}");
        Assert.False(SmAssert.Has(await Describe("partner/limits"), "ExternalSecretRotationRoleArn"));
    }

    [Fact]
    public async Task Members_at_the_model_limits_are_accepted()
    {
        await CreateSecret("partner/at-limit", SalesforceValue, new Dictionary<string, object?> { ["Type"] = new string('T', 256) });
        var roleArn = "arn:aws:iam::123456789012:role/" + new string('r', 2048 - 31);
        await Ok("RotateSecret", new
        {
            SecretId = "partner/at-limit", ExternalSecretRotationRoleArn = roleArn,
            ExternalSecretRotationMetadata = new[] { new { Key = new string('k', 256), Value = new string('v', 2048) } },
        });
        await WaitForRotations();
        Assert.Equal(roleArn, SmAssert.Str(await Describe("partner/at-limit"), "ExternalSecretRotationRoleArn"));
    }

    [Fact]
    public async Task A_Type_longer_than_256_is_ValidationException()
    {
        await Fails("CreateSecret", new { Name = "long-type", Type = new string('T', 257) }, "ValidationException");
        Assert.Empty(await ListAll());
    }
}
