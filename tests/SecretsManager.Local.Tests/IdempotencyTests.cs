using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>ClientRequestToken becomes the VersionId; a retry with the same value is a no-op, with another value an error.</summary>
public class IdempotencyTests : LocalServerTestBase
{
    public IdempotencyTests(LocalServerFixture fixture) : base(fixture) { }

    [Fact]
    public async Task The_token_becomes_the_VersionId()
    {
        var token = NewToken();
        var created = await Ok("CreateSecret", new { Name = "tok", SecretString = "v1", ClientRequestToken = token });
        Assert.Equal(token, SmAssert.Str(created, "VersionId"));
        var put = await Ok("PutSecretValue", new { SecretId = "tok", SecretString = "v2", ClientRequestToken = token.ToUpperInvariant() + "X" });
        Assert.Equal(token.ToUpperInvariant() + "X", SmAssert.Str(put, "VersionId"));
        Assert.Contains(token, (await Versions("tok")).Keys);
    }

    [Fact]
    public async Task PutSecretValue_retried_with_the_same_token_and_value_is_a_no_op()
    {
        await CreateSecret("retry", "v1");
        var token = NewToken();
        var first = await Ok("PutSecretValue", new { SecretId = "retry", SecretString = "v2", ClientRequestToken = token });
        var before = await Versions("retry");

        var second = await Ok("PutSecretValue", new { SecretId = "retry", SecretString = "v2", ClientRequestToken = token });
        Assert.Equal(SmAssert.Str(first, "VersionId"), SmAssert.Str(second, "VersionId"));
        Assert.Equal(before, await Versions("retry"), new VersionMapComparer());
        Assert.Equal("v2", await GetString("retry"));
    }

    [Fact]
    public async Task PutSecretValue_retried_with_the_same_token_and_binary_is_a_no_op()
    {
        await CreateSecret("retry-bin", "v1");
        var token = NewToken();
        await Ok("PutSecretValue", new { SecretId = "retry-bin", SecretBinary = Base64([9, 8, 7]), ClientRequestToken = token });
        var before = await Versions("retry-bin");
        var second = await Ok("PutSecretValue", new { SecretId = "retry-bin", SecretBinary = Base64([9, 8, 7]), ClientRequestToken = token });
        Assert.Equal(token, SmAssert.Str(second, "VersionId"));
        Assert.Equal(before, await Versions("retry-bin"), new VersionMapComparer());
    }

    [Fact]
    public async Task The_same_token_with_a_different_value_is_ResourceExistsException()
    {
        await CreateSecret("conflict", "v1");
        var token = NewToken();
        await Ok("PutSecretValue", new { SecretId = "conflict", SecretString = "v2", ClientRequestToken = token });
        var before = await Versions("conflict");

        await Fails("PutSecretValue", new { SecretId = "conflict", SecretString = "different", ClientRequestToken = token }, "ResourceExistsException");
        await Fails("PutSecretValue", new { SecretId = "conflict", SecretBinary = Base64([1]), ClientRequestToken = token }, "ResourceExistsException");

        Assert.Equal(before, await Versions("conflict"), new VersionMapComparer());
        Assert.Equal("v2", await GetString("conflict", versionId: token));
    }

    [Fact]
    public async Task UpdateSecret_with_the_token_of_an_existing_version_and_another_value_is_ResourceExistsException()
    {
        var token = NewToken();
        await Ok("CreateSecret", new { Name = "upd", SecretString = "v1", ClientRequestToken = token });
        await Fails("UpdateSecret", new { SecretId = "upd", SecretString = "v2", ClientRequestToken = token }, "ResourceExistsException");
        Assert.Single(await Versions("upd"));
        Assert.Equal("v1", await GetString("upd"));
    }

    [Fact]
    public async Task CreateSecret_retried_with_the_same_token_and_value_returns_the_same_secret()
    {
        var token = NewToken();
        var first = await Ok("CreateSecret", new { Name = "create-retry", SecretString = "v1", ClientRequestToken = token });
        var second = await Ok("CreateSecret", new { Name = "create-retry", SecretString = "v1", ClientRequestToken = token });
        Assert.Equal(SmAssert.Str(first, "ARN"), SmAssert.Str(second, "ARN"));
        Assert.Equal(token, SmAssert.Str(second, "VersionId"));
        Assert.Single(await Versions("create-retry"));
    }

    [Fact]
    public async Task CreateSecret_with_an_existing_name_and_another_token_is_ResourceExistsException()
    {
        await Ok("CreateSecret", new { Name = "dup", SecretString = "v1", ClientRequestToken = NewToken() });
        await Fails("CreateSecret", new { Name = "dup", SecretString = "v2", ClientRequestToken = NewToken() }, "ResourceExistsException");
        await Fails("CreateSecret", new { Name = "dup", SecretString = "v2" }, "ResourceExistsException");
        Assert.Single(await Versions("dup"));
        Assert.Equal("v1", await GetString("dup"));
    }

    [Fact]
    public async Task One_token_may_be_used_in_two_different_secrets()
    {
        var token = NewToken();
        await Ok("CreateSecret", new { Name = "a", SecretString = "v", ClientRequestToken = token });
        var b = await Ok("CreateSecret", new { Name = "b", SecretString = "v", ClientRequestToken = token });
        Assert.Equal(token, SmAssert.Str(b, "VersionId"));
    }
}
