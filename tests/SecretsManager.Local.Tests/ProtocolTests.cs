using System.Text.Json;
using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>awsJson1_1 protocol: targets, bodies, error shape, timestamps and blobs.</summary>
public class ProtocolTests : LocalServerTestBase
{
    public ProtocolTests(LocalServerFixture fixture) : base(fixture) { }

    [Theory]
    [InlineData("secretsmanager.NoSuchOperation")]
    [InlineData("secretsmanager.getsecretvalue")]
    [InlineData("DynamoDB_20120810.ListTables")]
    public async Task Unknown_target_is_UnknownOperationException(string target)
    {
        var response = await Client.SendAsync(target, "{}");
        SmAssert.Error(response, "UnknownOperationException");
    }

    [Fact]
    public async Task Missing_target_is_UnknownOperationException()
    {
        var response = await Client.SendAsync(null, "{}");
        SmAssert.Error(response, "UnknownOperationException");
    }

    [Fact]
    public async Task Malformed_json_is_SerializationException_and_creates_nothing()
    {
        var response = await CallRaw("CreateSecret", "{\"Name\": \"half-written\", \"SecretString\": \"v\"");
        SmAssert.Error(response, "SerializationException");
        await Fails("DescribeSecret", new { SecretId = "half-written" }, "ResourceNotFoundException");
        Assert.Empty(await ListAll());
    }

    [Theory]
    [InlineData("PutSecretValue", """{"SecretId":"proto","SecretString":{"a":1}}""")]
    [InlineData("PutSecretValue", """{"SecretId":"proto","SecretString":"v2","VersionStages":"AWSCURRENT"}""")]
    [InlineData("UpdateSecret", """{"SecretId":"proto","Description":["not","a","string"]}""")]
    [InlineData("DeleteSecret", """{"SecretId":"proto","RecoveryWindowInDays":"seven"}""")]
    [InlineData("DeleteSecret", """{"SecretId":"proto","ForceDeleteWithoutRecovery":"yes"}""")]
    [InlineData("TagResource", """{"SecretId":"proto","Tags":{"Key":"k","Value":"v"}}""")]
    [InlineData("ListSecrets", """{"MaxResults":"ten"}""")]
    [InlineData("BatchGetSecretValue", """{"SecretIdList":[{"Name":"proto"}]}""")]
    public async Task Wrong_member_type_is_SerializationException_and_changes_nothing(string operation, string body)
    {
        await CreateSecret("proto", "v1", new Dictionary<string, object?> { ["Description"] = "before" });
        var before = await Versions("proto");

        SmAssert.Error(await CallRaw(operation, body), "SerializationException");

        var after = await Describe("proto");
        Assert.Equal("before", SmAssert.Str(after, "Description"));
        Assert.False(SmAssert.Has(after, "DeletedDate"), "The secret was scheduled for deletion by a rejected request.");
        Assert.False(after.TryGetProperty("Tags", out var tags) && tags.GetArrayLength() > 0, "Tags changed.");
        Assert.Equal(before.Keys.Order(), (await Versions("proto")).Keys.Order());
        Assert.Equal("v1", await GetString("proto"));
    }

    [Theory]
    [InlineData("GetSecretValue", "{}")]
    [InlineData("CreateSecret", """{"SecretString":"v"}""")]
    [InlineData("PutSecretValue", """{"SecretString":"v2"}""")]
    [InlineData("UpdateSecretVersionStage", """{"SecretId":"proto","RemoveFromVersionId":"00000000-0000-0000-0000-000000000000"}""")]
    [InlineData("TagResource", """{"SecretId":"proto"}""")]
    [InlineData("UntagResource", """{"SecretId":"proto"}""")]
    [InlineData("PutResourcePolicy", """{"SecretId":"proto"}""")]
    [InlineData("ValidateResourcePolicy", """{"SecretId":"proto"}""")]
    [InlineData("ReplicateSecretToRegions", """{"SecretId":"proto"}""")]
    [InlineData("RemoveRegionsFromReplication", """{"SecretId":"proto"}""")]
    [InlineData("DeleteSecret", """{"ForceDeleteWithoutRecovery":true}""")]
    public async Task Missing_required_member_is_ValidationException_and_changes_nothing(string operation, string body)
    {
        await CreateSecret("proto", "v1");
        var before = await Versions("proto");

        SmAssert.Error(await CallRaw(operation, body), "ValidationException");

        var after = await Describe("proto");
        Assert.False(SmAssert.Has(after, "DeletedDate"));
        Assert.Equal(before, await Versions("proto"), new VersionMapComparer());
        Assert.Single(await ListAll());
    }

    [Fact]
    public async Task Errors_are_json_with_type_and_message()
    {
        var response = await Call("DescribeSecret", new { SecretId = "nope" });
        SmAssert.Error(response, "ResourceNotFoundException");
        Assert.Equal(SmClient.JsonContentType, response.ContentType);
        Assert.Equal("ResourceNotFoundException", response.ErrorCode);
    }

    [Fact]
    public async Task Answers_use_the_awsJson1_1_content_type()
    {
        var response = await Call("ListSecrets", new { });
        SmAssert.Ok(response);
        Assert.Equal(SmClient.JsonContentType, response.ContentType);
    }

    [Fact]
    public async Task Blobs_round_trip_as_base64_and_timestamps_are_epoch_seconds()
    {
        byte[] bytes = [0, 1, 2, 127, 128, 254, 255];
        var created = await Ok("CreateSecret", new { Name = "blob", SecretBinary = Base64(bytes) });
        Assert.StartsWith("arn:aws:secretsmanager:", SmAssert.Str(created, "ARN"));

        var value = await Ok("GetSecretValue", new { SecretId = "blob" });
        Assert.Equal(bytes, Convert.FromBase64String(SmAssert.Str(value, "SecretBinary")));
        Assert.False(SmAssert.Has(value, "SecretString"), "A binary secret also returned a SecretString.");
        var createdDate = SmAssert.Epoch(value, "CreatedDate");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.InRange(createdDate, now - 120, now + 120);

        var described = await Describe("blob");
        SmAssert.Epoch(described, "CreatedDate");
        SmAssert.Epoch(described, "LastChangedDate");
    }

    [Fact]
    public async Task Invalid_base64_blob_is_SerializationException()
    {
        SmAssert.Error(await CallRaw("CreateSecret", """{"Name":"blob","SecretBinary":"@@not base64@@"}"""), "SerializationException");
        await Fails("DescribeSecret", new { SecretId = "blob" }, "ResourceNotFoundException");
    }

    [Fact]
    public async Task Unknown_members_are_ignored_like_AWS_does()
    {
        var created = await Ok("CreateSecret", new { Name = "extra", SecretString = "v", SomeFutureMember = "x" });
        Assert.Equal("extra", SmAssert.Str(created, "Name"));
    }

    [Fact]
    public async Task Every_answer_carries_a_distinct_x_amzn_RequestId()
    {
        var ok = await Call("ListSecrets", new { });
        var error = await Call("DescribeSecret", new { SecretId = "nope" });
        var unknown = await Client.SendAsync("secretsmanager.Nope", "{}");
        foreach (var r in new[] { ok, error, unknown }) Assert.False(string.IsNullOrEmpty(r.RequestId), $"No x-amzn-RequestId on {r}");
        Assert.Equal(3, new[] { ok.RequestId, error.RequestId, unknown.RequestId }.Distinct().Count());
    }

    [Fact]
    public async Task LastChangedDate_moves_when_the_secret_changes()
    {
        await CreateSecret("changing", "v");
        var before = SmAssert.Epoch(await Describe("changing"), "LastChangedDate");
        await AdvanceClock(TimeSpan.FromDays(1));
        await Ok("UpdateSecret", new { SecretId = "changing", Description = "changed" });
        var after = SmAssert.Epoch(await Describe("changing"), "LastChangedDate");
        Assert.InRange(after - before, 86400 - 60, 86400 + 120);
    }
}
