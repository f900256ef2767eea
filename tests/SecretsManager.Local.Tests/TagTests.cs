using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>TagResource / UntagResource semantics beyond the value limits (those live in ValueConstraintTests).</summary>
public class TagTests : LocalServerTestBase
{
    public TagTests(LocalServerFixture fixture) : base(fixture) { }

    private async Task<Dictionary<string, string>> TagsOf(string id)
    {
        var described = await Describe(id);
        return described.TryGetProperty("Tags", out var tags)
            ? tags.EnumerateArray().ToDictionary(t => SmAssert.Str(t, "Key"), t => SmAssert.Str(t, "Value"), StringComparer.Ordinal)
            : [];
    }

    [Fact]
    public async Task TagResource_appends_and_overwrites_by_key()
    {
        await CreateSecret("t", extra: new Dictionary<string, object?> { ["Tags"] = new[] { new { Key = "keep", Value = "1" }, new { Key = "change", Value = "old" } } });
        await Ok("TagResource", new { SecretId = "t", Tags = new[] { new { Key = "change", Value = "new" }, new { Key = "added", Value = "2" } } });
        Assert.Equal(new Dictionary<string, string> { ["keep"] = "1", ["change"] = "new", ["added"] = "2" }, await TagsOf("t"));
    }

    [Fact]
    public async Task Tag_keys_are_case_sensitive()
    {
        await CreateSecret("t");
        await Ok("TagResource", new { SecretId = "t", Tags = new[] { new { Key = "ABC", Value = "upper" }, new { Key = "abc", Value = "lower" } } });
        var tags = await TagsOf("t");
        Assert.Equal("upper", tags["ABC"]);
        Assert.Equal("lower", tags["abc"]);
    }

    [Fact]
    public async Task UntagResource_removes_the_keys_and_ignores_keys_that_are_absent()
    {
        await CreateSecret("t", extra: new Dictionary<string, object?> { ["Tags"] = new[] { new { Key = "a", Value = "1" }, new { Key = "b", Value = "2" } } });
        await Ok("UntagResource", new { SecretId = "t", TagKeys = new[] { "a", "not-there" } });
        Assert.Equal(new Dictionary<string, string> { ["b"] = "2" }, await TagsOf("t"));
    }

    [Fact]
    public async Task Tagging_a_missing_secret_is_ResourceNotFoundException()
    {
        await Fails("TagResource", new { SecretId = "ghost", Tags = new[] { new { Key = "a", Value = "1" } } }, "ResourceNotFoundException");
        await Fails("UntagResource", new { SecretId = "ghost", TagKeys = new[] { "a" } }, "ResourceNotFoundException");
    }

    [Fact]
    public async Task Tags_show_in_ListSecrets()
    {
        await CreateSecret("t", extra: new Dictionary<string, object?> { ["Tags"] = new[] { new { Key = "team", Value = "ops" } } });
        var entry = Assert.Single(await ListAll());
        var tag = Assert.Single(entry.GetProperty("Tags").EnumerateArray());
        Assert.Equal("team", SmAssert.Str(tag, "Key"));
        Assert.Equal("ops", SmAssert.Str(tag, "Value"));
    }
}
