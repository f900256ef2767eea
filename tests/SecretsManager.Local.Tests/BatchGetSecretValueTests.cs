using System.Text.Json;
using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>BatchGetSecretValue: up to 20 ids or filters, per-secret errors, paging.</summary>
public class BatchGetSecretValueTests : LocalServerTestBase
{
    public BatchGetSecretValueTests(LocalServerFixture fixture) : base(fixture) { }

    [Fact]
    public async Task A_missing_secret_is_reported_in_Errors_without_failing_the_call()
    {
        await CreateSecret("b1", "one");
        var arn2 = SmAssert.Str(await CreateSecret("b2", "two"), "ARN");

        var result = await Ok("BatchGetSecretValue", new { SecretIdList = new[] { "b1", "missing", arn2 } });

        var values = result.GetProperty("SecretValues").EnumerateArray().ToList();
        Assert.Equal(2, values.Count);
        var byName = values.ToDictionary(v => SmAssert.Str(v, "Name"));
        Assert.Equal("one", SmAssert.Str(byName["b1"], "SecretString"));
        Assert.Equal("two", SmAssert.Str(byName["b2"], "SecretString"));
        Assert.Equal(arn2, SmAssert.Str(byName["b2"], "ARN"));
        SmAssert.Str(byName["b1"], "VersionId");
        SmAssert.Epoch(byName["b1"], "CreatedDate");
        Assert.Contains("AWSCURRENT", byName["b1"].GetProperty("VersionStages").EnumerateArray().Select(s => s.GetString()));

        var error = Assert.Single(result.GetProperty("Errors").EnumerateArray());
        Assert.Equal("missing", SmAssert.Str(error, "SecretId"));
        Assert.Equal("ResourceNotFoundException", SmAssert.Str(error, "ErrorCode"));
        Assert.False(string.IsNullOrEmpty(SmAssert.Str(error, "Message")));
    }

    [Fact]
    public async Task Filters_select_the_secrets_and_NextToken_pages_through_them()
    {
        foreach (var i in Enumerable.Range(0, 5)) await CreateSecret($"team/s{i}", $"value-{i}");
        await CreateSecret("elsewhere", "not-me");

        var seen = new Dictionary<string, string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Ok("BatchGetSecretValue", new
            {
                Filters = new[] { new { Key = "name", Values = new[] { "team/" } } },
                MaxResults = 2,
                NextToken = token,
            });
            foreach (var v in page.GetProperty("SecretValues").EnumerateArray())
                Assert.True(seen.TryAdd(SmAssert.Str(v, "Name"), SmAssert.Str(v, "SecretString")));
            token = page.TryGetProperty("NextToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            pages++;
        } while (token is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"team/s{i}").Order(), seen.Keys.Order());
        Assert.Equal("value-3", seen["team/s3"]);
    }

    [Fact]
    public async Task Ids_and_filters_together_are_InvalidParameterException()
    {
        await CreateSecret("b1");
        await Fails("BatchGetSecretValue", new
        {
            SecretIdList = new[] { "b1" },
            Filters = new[] { new { Key = "name", Values = new[] { "b" } } },
        }, "InvalidParameterException");
    }

    [Fact]
    public async Task Neither_ids_nor_filters_is_InvalidParameterException()
    {
        await Fails("BatchGetSecretValue", new { }, "InvalidParameterException");
    }

    [Fact]
    public async Task MaxResults_with_a_list_of_ids_is_InvalidParameterException()
    {
        await CreateSecret("b1");
        await Fails("BatchGetSecretValue", new { SecretIdList = new[] { "b1" }, MaxResults = 5 }, "InvalidParameterException");
    }

    [Fact]
    public async Task More_than_twenty_ids_is_ValidationException()
    {
        var ids = Enumerable.Range(0, 21).Select(i => $"id{i}").ToArray();
        await Fails("BatchGetSecretValue", new { SecretIdList = ids }, "ValidationException");
    }

    [Fact]
    public async Task Twenty_ids_are_accepted()
    {
        var ids = Enumerable.Range(0, 20).Select(i => $"id{i}").ToArray();
        foreach (var id in ids) await CreateSecret(id, id + "-value");
        var result = await Ok("BatchGetSecretValue", new { SecretIdList = ids });
        Assert.Equal(20, result.GetProperty("SecretValues").GetArrayLength());
    }

    [Fact]
    public async Task A_bad_NextToken_is_InvalidNextTokenException()
    {
        await CreateSecret("b1");
        await Fails("BatchGetSecretValue", new
        {
            Filters = new[] { new { Key = "name", Values = new[] { "b" } } },
            NextToken = "garbage-token",
        }, "InvalidNextTokenException");
    }

    [Fact]
    public async Task A_secret_scheduled_for_deletion_is_reported_in_Errors()
    {
        await CreateSecret("alive", "a");
        await CreateSecret("dying", "d");
        await Ok("DeleteSecret", new { SecretId = "dying" });

        var result = await Ok("BatchGetSecretValue", new { SecretIdList = new[] { "alive", "dying" } });
        Assert.Equal("alive", SmAssert.Str(Assert.Single(result.GetProperty("SecretValues").EnumerateArray()), "Name"));
        var error = Assert.Single(result.GetProperty("Errors").EnumerateArray());
        Assert.Equal("dying", SmAssert.Str(error, "SecretId"));
        Assert.Equal("InvalidRequestException", SmAssert.Str(error, "ErrorCode"));
    }
}
