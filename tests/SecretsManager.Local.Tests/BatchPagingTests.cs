using System.Text.Json;
using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>BatchGetSecretValue by filter pages like ListSecrets: by key, and only for the filters it was issued for.</summary>
public class BatchPagingTests : LocalServerTestBase
{
    public BatchPagingTests(LocalServerFixture fixture) : base(fixture) { }

    [Fact]
    public async Task Reading_by_filter_while_deleting_each_page_reads_every_secret_once()
    {
        for (int i = 0; i < 45; i++) await CreateSecret($"batch/{i:D2}", $"v{i}");
        var read = new List<string>();
        string? token = null;
        do
        {
            var body = new Dictionary<string, object?> { ["MaxResults"] = 20, ["Filters"] = new[] { new { Key = "name", Values = new[] { "batch/" } } } };
            if (token is not null) body["NextToken"] = token;
            var page = await Ok("BatchGetSecretValue", body);
            foreach (var value in page.GetProperty("SecretValues").EnumerateArray())
            {
                read.Add(SmAssert.Str(value, "Name"));
                await Ok("DeleteSecret", new { SecretId = SmAssert.Str(value, "ARN"), ForceDeleteWithoutRecovery = true });
            }
            token = page.TryGetProperty("NextToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        } while (token is not null);

        Assert.Equal(45, read.Count);
        Assert.Equal(45, read.Distinct().Count());
        Assert.Empty(await ListAll());
    }

    [Fact]
    public async Task A_batch_NextToken_is_refused_for_other_filters()
    {
        for (int i = 0; i < 3; i++) await CreateSecret($"batch/{i}", "v");
        var first = await Ok("BatchGetSecretValue", new { MaxResults = 1, Filters = new[] { new { Key = "name", Values = new[] { "batch/" } } } });
        await Fails("BatchGetSecretValue", new { MaxResults = 1, NextToken = SmAssert.Str(first, "NextToken"), Filters = new[] { new { Key = "name", Values = new[] { "other/" } } } },
            "InvalidNextTokenException");
    }
}
