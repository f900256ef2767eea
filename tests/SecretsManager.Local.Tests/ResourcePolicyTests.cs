using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>Put/Get/Delete/ValidateResourcePolicy, malformed documents and BlockPublicPolicy.</summary>
public class ResourcePolicyTests : LocalServerTestBase
{
    private const string AccountPolicy = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}
        """;

    private const string StarPolicy = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"secretsmanager:GetSecretValue","Resource":"*"}]}
        """;

    private const string AwsStarPolicy = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"secretsmanager:*","Resource":"*"}]}
        """;

    public ResourcePolicyTests(LocalServerFixture fixture) : base(fixture) { }

    private async Task<bool> HasPolicy(string id) => SmAssert.Has(await Ok("GetResourcePolicy", new { SecretId = id }), "ResourcePolicy");

    [Fact]
    public async Task A_policy_is_put_read_back_and_deleted()
    {
        var arn = SmAssert.Str(await CreateSecret("pol"), "ARN");
        Assert.False(await HasPolicy("pol"));

        var put = await Ok("PutResourcePolicy", new { SecretId = "pol", ResourcePolicy = AccountPolicy });
        Assert.Equal(arn, SmAssert.Str(put, "ARN"));
        Assert.Equal("pol", SmAssert.Str(put, "Name"));

        var got = await Ok("GetResourcePolicy", new { SecretId = "pol" });
        Assert.Equal(arn, SmAssert.Str(got, "ARN"));
        Assert.Equal(
            System.Text.Json.JsonDocument.Parse(AccountPolicy).RootElement.GetRawText().Replace(" ", ""),
            System.Text.Json.JsonDocument.Parse(SmAssert.Str(got, "ResourcePolicy")).RootElement.GetRawText().Replace(" ", ""));

        var deleted = await Ok("DeleteResourcePolicy", new { SecretId = "pol" });
        Assert.Equal(arn, SmAssert.Str(deleted, "ARN"));
        Assert.False(await HasPolicy("pol"));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("just text")]
    public async Task Invalid_json_is_MalformedPolicyDocumentException(string policy)
    {
        await CreateSecret("pol");
        await Fails("PutResourcePolicy", new { SecretId = "pol", ResourcePolicy = policy }, "MalformedPolicyDocumentException");
        Assert.False(await HasPolicy("pol"));
        await Fails("ValidateResourcePolicy", new { SecretId = "pol", ResourcePolicy = policy }, "MalformedPolicyDocumentException");
    }

    [Theory]
    [InlineData(StarPolicy)]
    [InlineData(AwsStarPolicy)]
    public async Task BlockPublicPolicy_with_a_star_principal_is_PublicPolicyException(string policy)
    {
        await CreateSecret("pol");
        await Fails("PutResourcePolicy", new { SecretId = "pol", ResourcePolicy = policy, BlockPublicPolicy = true }, "PublicPolicyException");
        Assert.False(await HasPolicy("pol"));
    }

    [Fact]
    public async Task A_public_policy_is_stored_when_not_blocked()
    {
        await CreateSecret("pol");
        await Ok("PutResourcePolicy", new { SecretId = "pol", ResourcePolicy = StarPolicy });
        Assert.True(await HasPolicy("pol"));
    }

    [Fact]
    public async Task BlockPublicPolicy_accepts_a_policy_for_one_account()
    {
        await CreateSecret("pol");
        await Ok("PutResourcePolicy", new { SecretId = "pol", ResourcePolicy = AccountPolicy, BlockPublicPolicy = true });
        Assert.True(await HasPolicy("pol"));
    }

    [Fact]
    public async Task Validate_passes_a_narrow_policy()
    {
        await CreateSecret("pol");
        var result = await Ok("ValidateResourcePolicy", new { SecretId = "pol", ResourcePolicy = AccountPolicy });
        Assert.True(result.GetProperty("PolicyValidationPassed").GetBoolean());
        Assert.Equal(0, result.TryGetProperty("ValidationErrors", out var errors) ? errors.GetArrayLength() : 0);
        Assert.False(await HasPolicy("pol"));
    }

    [Fact]
    public async Task Validate_reports_a_public_policy_in_ValidationErrors()
    {
        var result = await Ok("ValidateResourcePolicy", new { ResourcePolicy = StarPolicy });
        Assert.False(result.GetProperty("PolicyValidationPassed").GetBoolean());
        var errors = result.GetProperty("ValidationErrors").EnumerateArray().ToList();
        Assert.NotEmpty(errors);
        var error = errors[0];
        Assert.False(string.IsNullOrEmpty(SmAssert.Str(error, "CheckName")));
        Assert.False(string.IsNullOrEmpty(SmAssert.Str(error, "ErrorMessage")));
    }

    [Fact]
    public async Task Policy_operations_on_a_missing_secret_are_ResourceNotFoundException()
    {
        await Fails("PutResourcePolicy", new { SecretId = "ghost", ResourcePolicy = AccountPolicy }, "ResourceNotFoundException");
        await Fails("GetResourcePolicy", new { SecretId = "ghost" }, "ResourceNotFoundException");
        await Fails("DeleteResourcePolicy", new { SecretId = "ghost" }, "ResourceNotFoundException");
    }
}
