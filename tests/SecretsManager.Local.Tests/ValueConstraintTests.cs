using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>Every length, range and pattern of the model, and the service rules on values; violations change nothing.</summary>
public class ValueConstraintTests : LocalServerTestBase
{
    public ValueConstraintTests(LocalServerFixture fixture) : base(fixture) { }

    private static Dictionary<string, object?> Tags(int count, Func<int, string>? key = null) =>
        new() { ["Tags"] = Enumerable.Range(0, count).Select(i => new { Key = key?.Invoke(i) ?? $"k{i}", Value = $"v{i}" }).ToArray() };

    // --- SecretString / SecretBinary -------------------------------------------------------------

    [Fact]
    public async Task A_SecretString_of_65536_bytes_is_accepted()
    {
        var value = new string('s', 65536);
        await CreateSecret("max-string", value);
        Assert.Equal(value, await GetString("max-string"));
    }

    [Fact]
    public async Task A_SecretString_longer_than_65536_characters_is_ValidationException()
    {
        await Fails("CreateSecret", new { Name = "big", SecretString = new string('s', 65537) }, "ValidationException");
        await Fails("DescribeSecret", new { SecretId = "big" }, "ResourceNotFoundException");

        await CreateSecret("big", "small");
        await Fails("PutSecretValue", new { SecretId = "big", SecretString = new string('s', 65537) }, "ValidationException");
        Assert.Single(await Versions("big"));
    }

    [Fact]
    public async Task A_SecretString_over_65536_UTF8_bytes_is_rejected_even_under_65536_characters()
    {
        var value = new string('é', 32769); // 32,769 characters, 65,538 bytes in UTF-8
        var response = await Call("CreateSecret", new { Name = "wide", SecretString = value });
        Assert.False(response.IsSuccess, $"A 65,538-byte SecretString was accepted: {response.Status}");
        SmAssert.Error(response, "ValidationException");
        await Fails("DescribeSecret", new { SecretId = "wide" }, "ResourceNotFoundException");
    }

    [Fact]
    public async Task A_SecretBinary_of_65536_bytes_is_accepted_and_65537_is_ValidationException()
    {
        var max = new byte[65536];
        Random.Shared.NextBytes(max);
        await Ok("CreateSecret", new { Name = "bin", SecretBinary = Base64(max) });
        var value = await Ok("GetSecretValue", new { SecretId = "bin" });
        Assert.Equal(max, Convert.FromBase64String(SmAssert.Str(value, "SecretBinary")));

        await Fails("PutSecretValue", new { SecretId = "bin", SecretBinary = Base64(new byte[65537]) }, "ValidationException");
        Assert.Single(await Versions("bin"));
    }

    [Fact]
    public async Task An_empty_SecretString_is_ValidationException()
    {
        await Fails("CreateSecret", new { Name = "empty", SecretString = "" }, "ValidationException");
        await Fails("DescribeSecret", new { SecretId = "empty" }, "ResourceNotFoundException");
    }

    [Fact]
    public async Task SecretString_and_SecretBinary_together_are_InvalidParameterException_on_create()
    {
        await Fails("CreateSecret", new { Name = "both", SecretString = "s", SecretBinary = Base64([1, 2]) }, "InvalidParameterException");
        await Fails("DescribeSecret", new { SecretId = "both" }, "ResourceNotFoundException");
    }

    [Fact]
    public async Task SecretString_and_SecretBinary_together_are_InvalidParameterException_on_put_and_update()
    {
        await CreateSecret("both", "original", new Dictionary<string, object?> { ["Description"] = "before" });
        var before = await Versions("both");

        await Fails("PutSecretValue", new { SecretId = "both", SecretString = "s", SecretBinary = Base64([1]) }, "InvalidParameterException");
        await Fails("UpdateSecret", new { SecretId = "both", Description = "after", SecretString = "s", SecretBinary = Base64([1]) },
            "InvalidParameterException");

        Assert.Equal(before, await Versions("both"), new VersionMapComparer());
        Assert.Equal("original", await GetString("both"));
        Assert.Equal("before", SmAssert.Str(await Describe("both"), "Description"));
    }

    // --- Tags ------------------------------------------------------------------------------------

    [Fact]
    public async Task Fifty_tags_are_accepted()
    {
        await CreateSecret("tags50", extra: Tags(50));
        Assert.Equal(50, (await Describe("tags50")).GetProperty("Tags").GetArrayLength());
    }

    [Fact]
    public async Task More_than_fifty_tags_on_create_is_rejected_and_creates_nothing()
    {
        var body = Tags(51);
        body["Name"] = "tags51";
        body["SecretString"] = "v";
        await Fails("CreateSecret", body, "InvalidParameterException");
        await Fails("DescribeSecret", new { SecretId = "tags51" }, "ResourceNotFoundException");
    }

    [Fact]
    public async Task TagResource_past_fifty_tags_is_rejected_and_adds_none()
    {
        await CreateSecret("tags", extra: Tags(49));
        await Fails("TagResource", new
        {
            SecretId = "tags",
            Tags = new[] { new { Key = "x1", Value = "1" }, new { Key = "x2", Value = "2" } },
        }, "InvalidParameterException");
        Assert.Equal(49, (await Describe("tags")).GetProperty("Tags").GetArrayLength());
    }

    [Fact]
    public async Task A_tag_key_of_128_characters_and_a_value_of_256_are_accepted_and_empty_value_too()
    {
        await CreateSecret("tagsize", extra: new Dictionary<string, object?>
        {
            ["Tags"] = new[] { new { Key = new string('k', 128), Value = new string('v', 256) }, new { Key = "empty", Value = "" } },
        });
        Assert.Equal(2, (await Describe("tagsize")).GetProperty("Tags").GetArrayLength());
    }

    [Theory]
    [InlineData(129, 1)]
    [InlineData(0, 1)]
    [InlineData(1, 257)]
    public async Task A_tag_key_outside_1_to_128_or_value_over_256_is_ValidationException(int keyLength, int valueLength)
    {
        await CreateSecret("tagged");
        var tags = new[] { new { Key = new string('k', keyLength), Value = new string('v', valueLength) } };
        await Fails("TagResource", new { SecretId = "tagged", Tags = tags }, "ValidationException");
        await Fails("CreateSecret", new { Name = "tagged2", SecretString = "v", Tags = tags }, "ValidationException");

        Assert.False((await Describe("tagged")).TryGetProperty("Tags", out var t) && t.GetArrayLength() > 0);
        await Fails("DescribeSecret", new { SecretId = "tagged2" }, "ResourceNotFoundException");
    }

    [Theory]
    [InlineData("aws:owner")]
    [InlineData("AWS:owner")]
    public async Task A_tag_key_with_the_reserved_aws_prefix_is_InvalidParameterException(string key)
    {
        await CreateSecret("reserved");
        await Fails("TagResource", new { SecretId = "reserved", Tags = new[] { new { Key = key, Value = "me" } } }, "InvalidParameterException");
        await Fails("CreateSecret", new { Name = "reserved2", SecretString = "v", Tags = new[] { new { Key = key, Value = "me" } } },
            "InvalidParameterException");
        Assert.False((await Describe("reserved")).TryGetProperty("Tags", out var t) && t.GetArrayLength() > 0);
        await Fails("DescribeSecret", new { SecretId = "reserved2" }, "ResourceNotFoundException");
    }

    // --- Description, tokens, ids ----------------------------------------------------------------

    [Fact]
    public async Task A_description_of_2048_characters_is_accepted_and_2049_is_ValidationException()
    {
        await CreateSecret("described", extra: new Dictionary<string, object?> { ["Description"] = new string('d', 2048) });
        await Fails("UpdateSecret", new { SecretId = "described", Description = new string('e', 2049) }, "ValidationException");
        Assert.Equal(new string('d', 2048), SmAssert.Str(await Describe("described"), "Description"));

        await Fails("CreateSecret", new { Name = "described2", Description = new string('d', 2049) }, "ValidationException");
        await Fails("DescribeSecret", new { SecretId = "described2" }, "ResourceNotFoundException");
    }

    [Theory]
    [InlineData(31)]
    [InlineData(65)]
    public async Task A_ClientRequestToken_outside_32_to_64_characters_is_ValidationException(int length)
    {
        await Fails("CreateSecret", new { Name = "tok", SecretString = "v", ClientRequestToken = new string('t', length) }, "ValidationException");
        await Fails("DescribeSecret", new { SecretId = "tok" }, "ResourceNotFoundException");
    }

    [Theory]
    [InlineData(32)]
    [InlineData(64)]
    public async Task A_ClientRequestToken_of_32_or_64_characters_is_accepted(int length)
    {
        var token = new string('t', length);
        var created = await Ok("CreateSecret", new { Name = "tok", SecretString = "v", ClientRequestToken = token });
        Assert.Equal(token, SmAssert.Str(created, "VersionId"));
    }

    [Fact]
    public async Task An_empty_or_too_long_SecretId_is_ValidationException()
    {
        await Fails("DescribeSecret", new { SecretId = "" }, "ValidationException");
        await Fails("DescribeSecret", new { SecretId = new string('i', 2049) }, "ValidationException");
    }

    [Fact]
    public async Task A_VersionId_shorter_than_32_characters_is_ValidationException()
    {
        await CreateSecret("vid");
        await Fails("GetSecretValue", new { SecretId = "vid", VersionId = "short" }, "ValidationException");
    }

    [Fact]
    public async Task A_KmsKeyId_longer_than_2048_characters_is_ValidationException()
    {
        await Fails("CreateSecret", new { Name = "kms", SecretString = "v", KmsKeyId = new string('k', 2049) }, "ValidationException");
        await Fails("DescribeSecret", new { SecretId = "kms" }, "ResourceNotFoundException");
    }

    // --- Staging labels --------------------------------------------------------------------------

    [Fact]
    public async Task More_than_twenty_VersionStages_or_none_is_ValidationException()
    {
        await CreateSecret("stages");
        var tooMany = Enumerable.Range(0, 21).Select(i => $"L{i}").ToArray();
        await Fails("PutSecretValue", new { SecretId = "stages", SecretString = "x", VersionStages = tooMany }, "ValidationException");
        await Fails("PutSecretValue", new { SecretId = "stages", SecretString = "x", VersionStages = Array.Empty<string>() }, "ValidationException");
        await Fails("PutSecretValue", new { SecretId = "stages", SecretString = "x", VersionStages = new[] { "" } }, "ValidationException");
        Assert.Single(await Versions("stages"));
    }

    // --- Lists, paging, ranges -------------------------------------------------------------------

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task ListSecrets_MaxResults_outside_1_to_100_is_ValidationException(int max)
    {
        await Fails("ListSecrets", new { MaxResults = max }, "ValidationException");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task ListSecretVersionIds_MaxResults_outside_1_to_100_is_ValidationException(int max)
    {
        await CreateSecret("paged");
        await Fails("ListSecretVersionIds", new { SecretId = "paged", MaxResults = max }, "ValidationException");
    }

    [Fact]
    public async Task An_unknown_filter_key_is_ValidationException()
    {
        await Fails("ListSecrets", new { Filters = new[] { new { Key = "colour", Values = new[] { "x" } } } }, "ValidationException");
    }

    [Fact]
    public async Task A_filter_value_outside_its_pattern_is_ValidationException()
    {
        await Fails("ListSecrets", new { Filters = new[] { new { Key = "name", Values = new[] { "bad#value" } } } }, "ValidationException");
    }

    [Fact]
    public async Task More_than_ten_filter_values_or_none_is_ValidationException()
    {
        var eleven = Enumerable.Range(0, 11).Select(i => $"v{i}").ToArray();
        await Fails("ListSecrets", new { Filters = new[] { new { Key = "name", Values = eleven } } }, "ValidationException");
        await Fails("ListSecrets", new { Filters = new[] { new { Key = "name", Values = Array.Empty<string>() } } }, "ValidationException");
    }

    [Fact]
    public async Task An_invalid_SortOrder_is_ValidationException()
    {
        await Fails("ListSecrets", new { SortOrder = "sideways" }, "ValidationException");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task AutomaticallyAfterDays_outside_1_to_1000_is_ValidationException(int days)
    {
        await CreateSecret("rot");
        await Fails("RotateSecret", new
        {
            SecretId = "rot",
            RotationLambdaARN = "arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerLocalSingleUser",
            RotationRules = new { AutomaticallyAfterDays = days },
        }, "ValidationException");
        Assert.False(SmAssert.Has(await Describe("rot"), "RotationEnabled") && (await Describe("rot")).GetProperty("RotationEnabled").GetBoolean());
        Assert.Single(await Versions("rot"));
    }

    [Theory]
    [InlineData("Duration", "3x")]
    [InlineData("Duration", "1234")]
    [InlineData("ScheduleExpression", "rate(10 days);")]
    public async Task A_rotation_rule_outside_its_pattern_is_ValidationException(string member, string value)
    {
        await CreateSecret("rot");
        var rules = new Dictionary<string, object> { [member] = value };
        if (member == "Duration") rules["ScheduleExpression"] = "rate(10 days)";
        await Fails("RotateSecret", new
        {
            SecretId = "rot",
            RotationLambdaARN = "arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerLocalSingleUser",
            RotationRules = rules,
        }, "ValidationException");
        Assert.Single(await Versions("rot"));
    }

    [Fact]
    public async Task A_replica_region_outside_its_pattern_is_ValidationException()
    {
        await CreateSecret("rep");
        await Fails("ReplicateSecretToRegions", new { SecretId = "rep", AddReplicaRegions = new[] { new { Region = "US_EAST_1" } } },
            "ValidationException");
        Assert.False(SmAssert.Has(await Describe("rep"), "ReplicationStatus") &&
                     (await Describe("rep")).GetProperty("ReplicationStatus").GetArrayLength() > 0);
    }

    [Fact]
    public async Task ResourcePolicy_longer_than_20480_characters_or_empty_is_ValidationException()
    {
        await CreateSecret("pol");
        await Fails("PutResourcePolicy", new { SecretId = "pol", ResourcePolicy = "" }, "ValidationException");
        await Fails("PutResourcePolicy", new { SecretId = "pol", ResourcePolicy = new string(' ', 20481) }, "ValidationException");
        Assert.False(SmAssert.Has(await Ok("GetResourcePolicy", new { SecretId = "pol" }), "ResourcePolicy"));
    }
}
