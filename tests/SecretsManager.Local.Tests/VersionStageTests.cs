using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>Versions and staging labels: AWSCURRENT / AWSPREVIOUS, explicit stages, deprecation and UpdateSecretVersionStage.</summary>
public class VersionStageTests : LocalServerTestBase
{
    public VersionStageTests(LocalServerFixture fixture) : base(fixture) { }

    private async Task<string> Put(string id, string value, string[]? stages = null)
    {
        var put = await Ok("PutSecretValue", new { SecretId = id, SecretString = value, ClientRequestToken = NewToken(), VersionStages = stages });
        return SmAssert.Str(put, "VersionId");
    }

    [Fact]
    public async Task The_first_value_gets_AWSCURRENT()
    {
        var created = await CreateSecret("first", "v1");
        var versions = await Versions("first");
        Assert.Equal(["AWSCURRENT"], versions[SmAssert.Str(created, "VersionId")]);
        var value = await Ok("GetSecretValue", new { SecretId = "first" });
        Assert.Equal(["AWSCURRENT"], value.GetProperty("VersionStages").EnumerateArray().Select(s => s.GetString()!).ToArray());
    }

    [Fact]
    public async Task The_first_value_put_on_an_empty_secret_gets_AWSCURRENT()
    {
        var created = await CreateSecret("empty", value: null);
        Assert.False(SmAssert.Has(created, "VersionId"), "A secret created without a value reported a VersionId.");
        await Fails("GetSecretValue", new { SecretId = "empty" }, "ResourceNotFoundException");

        var v1 = await Put("empty", "now-set");
        Assert.Equal(["AWSCURRENT"], (await Versions("empty"))[v1]);
        Assert.Equal("now-set", await GetString("empty"));
    }

    [Fact]
    public async Task The_first_version_gets_AWSCURRENT_even_with_explicit_stages()
    {
        // PutSecretValue: "If this operation creates the first version for the secret, then Secrets Manager
        // automatically attaches the staging label AWSCURRENT to it."
        await CreateSecret("first-staged", value: null);
        var v1 = await Put("first-staged", "first", ["CUSTOM"]);
        Assert.Equal(["AWSCURRENT", "CUSTOM"], (await Versions("first-staged"))[v1].Order());
        Assert.Equal("first", await GetString("first-staged"));
    }

    [Fact]
    public async Task A_new_value_moves_AWSCURRENT_and_AWSPREVIOUS_follows()
    {
        var v1 = SmAssert.Str(await CreateSecret("moving", "v1"), "VersionId");
        var v2 = await Put("moving", "v2");
        var versions = await Versions("moving");
        Assert.Equal(["AWSCURRENT"], versions[v2]);
        Assert.Equal(["AWSPREVIOUS"], versions[v1]);

        var v3 = await Put("moving", "v3");
        versions = await Versions("moving");
        Assert.Equal(["AWSCURRENT"], versions[v3]);
        Assert.Equal(["AWSPREVIOUS"], versions[v2]);
        Assert.Empty(versions[v1]);

        Assert.Equal("v3", await GetString("moving"));
        Assert.Equal("v2", await GetString("moving", stage: "AWSPREVIOUS"));
        Assert.Equal("v1", await GetString("moving", versionId: v1));
    }

    [Fact]
    public async Task UpdateSecret_with_a_value_moves_the_labels_like_PutSecretValue()
    {
        var v1 = SmAssert.Str(await CreateSecret("updated", "v1"), "VersionId");
        var update = await Ok("UpdateSecret", new { SecretId = "updated", SecretString = "v2", ClientRequestToken = NewToken() });
        var v2 = SmAssert.Str(update, "VersionId");
        var versions = await Versions("updated");
        Assert.Equal(["AWSCURRENT"], versions[v2]);
        Assert.Equal(["AWSPREVIOUS"], versions[v1]);
    }

    [Fact]
    public async Task UpdateSecret_without_a_value_creates_no_version()
    {
        await CreateSecret("meta", "v1");
        var update = await Ok("UpdateSecret", new { SecretId = "meta", Description = "new description" });
        Assert.False(SmAssert.Has(update, "VersionId"));
        Assert.Single(await Versions("meta"));
        Assert.Equal("new description", SmAssert.Str(await Describe("meta"), "Description"));
    }

    [Fact]
    public async Task PutSecretValue_with_explicit_stages_leaves_AWSCURRENT_where_it_is()
    {
        var v1 = SmAssert.Str(await CreateSecret("staged", "v1"), "VersionId");
        var v2 = await Put("staged", "v2", ["STAGED"]);

        var versions = await Versions("staged");
        Assert.Equal(["AWSCURRENT"], versions[v1]);
        Assert.Equal(["STAGED"], versions[v2]);
        Assert.Equal("v1", await GetString("staged"));
        Assert.Equal("v2", await GetString("staged", stage: "STAGED"));
    }

    [Fact]
    public async Task PutSecretValue_naming_AWSCURRENT_moves_it_and_AWSPREVIOUS_follows()
    {
        var v1 = SmAssert.Str(await CreateSecret("named", "v1"), "VersionId");
        var v2 = await Put("named", "v2", ["AWSCURRENT", "EXTRA"]);
        var versions = await Versions("named");
        Assert.Equal(["AWSCURRENT", "EXTRA"], versions[v2].Order());
        Assert.Equal(["AWSPREVIOUS"], versions[v1]);
    }

    [Fact]
    public async Task A_label_given_to_a_new_version_leaves_the_version_that_had_it()
    {
        await CreateSecret("relabel", "v1");
        var v2 = await Put("relabel", "v2", ["CUSTOM"]);
        var v3 = await Put("relabel", "v3", ["CUSTOM"]);
        var versions = await Versions("relabel");
        Assert.Equal(["CUSTOM"], versions[v3]);
        Assert.Empty(versions[v2]);
    }

    [Fact]
    public async Task A_version_carries_at_most_twenty_labels()
    {
        var twenty = Enumerable.Range(0, 20).Select(i => $"L{i}").ToArray();
        await CreateSecret("labels", "v1");
        var v2 = await Put("labels", "v2", twenty);
        Assert.Equal(20, (await Versions("labels"))[v2].Length);

        await Fails("UpdateSecretVersionStage", new { SecretId = "labels", VersionStage = "L20", MoveToVersionId = v2 }, "LimitExceededException");
        Assert.Equal(20, (await Versions("labels"))[v2].Length);
    }

    [Fact]
    public async Task A_version_without_labels_is_deprecated_and_listed_only_with_IncludeDeprecated()
    {
        var v1 = SmAssert.Str(await CreateSecret("deprecated", "v1"), "VersionId");
        await Put("deprecated", "v2");
        await Put("deprecated", "v3");

        var visible = await Versions("deprecated", includeDeprecated: false);
        Assert.Equal(2, visible.Count);
        Assert.DoesNotContain(v1, visible.Keys);

        var all = await Versions("deprecated", includeDeprecated: true);
        Assert.Equal(3, all.Count);
        Assert.Empty(all[v1]);

        var described = await Describe("deprecated");
        Assert.Equal(2, described.GetProperty("VersionIdsToStages").EnumerateObject().Count());
    }

    [Fact]
    public async Task A_101st_version_younger_than_a_day_is_LimitExceededException()
    {
        // AWS keeps at most 100 versions and never removes one younger than 24 hours (PutSecretValue documentation).
        await CreateSecret("crowded", "v0");
        for (var i = 1; i < 100; i++) await Ok("PutSecretValue", new { SecretId = "crowded", SecretString = $"v{i}" });
        Assert.Equal(100, (await Versions("crowded")).Count);

        await Fails("PutSecretValue", new { SecretId = "crowded", SecretString = "one too many", ClientRequestToken = NewToken() }, "LimitExceededException");
        Assert.Equal(100, (await Versions("crowded")).Count);
        Assert.Equal("v99", await GetString("crowded"));
    }

    [Fact]
    public async Task Deprecated_versions_are_pruned_past_the_version_quota()
    {
        var v0 = SmAssert.Str(await CreateSecret("many", "v0"), "VersionId");
        await Ok("UpdateSecretVersionStage", new { SecretId = "many", VersionStage = "KEEP", MoveToVersionId = v0 });
        for (var i = 1; i < 100; i++) await Ok("PutSecretValue", new { SecretId = "many", SecretString = $"v{i}" });
        // Once the deprecated versions are older than 24 hours, the next write makes room by removing them.
        await AdvanceClock(TimeSpan.FromDays(2));
        var last = await Put("many", "last");

        var versions = await Versions("many");
        Assert.True(versions.Count <= 100, $"{versions.Count} versions kept; the quota is 100.");
        Assert.Equal(["KEEP"], versions[v0]); // a labelled version is never pruned, however old
        Assert.Equal("v0", await GetString("many", stage: "KEEP"));
        Assert.Equal(last, VersionWith(versions, "AWSCURRENT"));
        Assert.Equal("v99", await GetString("many", stage: "AWSPREVIOUS"));
        Assert.Equal("last", await GetString("many"));
    }

    [Fact]
    public async Task UpdateSecretVersionStage_moves_AWSCURRENT_and_AWSPREVIOUS_follows()
    {
        var v1 = SmAssert.Str(await CreateSecret("rollback", "v1"), "VersionId");
        var v2 = await Put("rollback", "v2");

        await Ok("UpdateSecretVersionStage", new { SecretId = "rollback", VersionStage = "AWSCURRENT", MoveToVersionId = v1, RemoveFromVersionId = v2 });

        var versions = await Versions("rollback");
        Assert.Equal(["AWSCURRENT"], versions[v1]);
        Assert.Equal(["AWSPREVIOUS"], versions[v2]);
        Assert.Equal("v1", await GetString("rollback"));
    }

    [Fact]
    public async Task UpdateSecretVersionStage_requires_RemoveFromVersionId_when_the_label_is_on_another_version()
    {
        var v1 = SmAssert.Str(await CreateSecret("needs-remove", "v1"), "VersionId");
        var v2 = await Put("needs-remove", "v2");
        var before = await Versions("needs-remove");

        await Fails("UpdateSecretVersionStage", new { SecretId = "needs-remove", VersionStage = "AWSCURRENT", MoveToVersionId = v1 }, "InvalidParameterException");
        Assert.Equal(before, await Versions("needs-remove"), new VersionMapComparer());

        var v3 = await Put("needs-remove", "v3", ["CUSTOM"]);
        before = await Versions("needs-remove");
        await Fails("UpdateSecretVersionStage", new { SecretId = "needs-remove", VersionStage = "CUSTOM", MoveToVersionId = v2 }, "InvalidParameterException");
        Assert.Equal(before, await Versions("needs-remove"), new VersionMapComparer());
        Assert.Equal(["CUSTOM"], before[v3]);
    }

    [Fact]
    public async Task UpdateSecretVersionStage_rejects_a_RemoveFromVersionId_that_does_not_hold_the_label()
    {
        var v1 = SmAssert.Str(await CreateSecret("mismatch", "v1"), "VersionId");
        var v2 = await Put("mismatch", "v2");
        var v3 = await Put("mismatch", "v3", ["OTHER"]);
        var before = await Versions("mismatch");

        await Fails("UpdateSecretVersionStage",
            new { SecretId = "mismatch", VersionStage = "AWSCURRENT", MoveToVersionId = v1, RemoveFromVersionId = v3 }, "InvalidParameterException");
        Assert.Equal(before, await Versions("mismatch"), new VersionMapComparer());
        Assert.Equal(["AWSCURRENT"], before[v2]);
    }

    [Fact]
    public async Task AWSCURRENT_cannot_be_removed_without_moving_it()
    {
        var v1 = SmAssert.Str(await CreateSecret("keep-current", "v1"), "VersionId");
        await Fails("UpdateSecretVersionStage", new { SecretId = "keep-current", VersionStage = "AWSCURRENT", RemoveFromVersionId = v1 }, "InvalidParameterException");
        Assert.Equal(["AWSCURRENT"], (await Versions("keep-current"))[v1]);
        Assert.Equal("v1", await GetString("keep-current"));
    }

    [Fact]
    public async Task A_custom_label_can_be_attached_and_removed_and_the_version_becomes_deprecated()
    {
        await CreateSecret("custom", "v1");
        var v2 = await Put("custom", "v2", ["TEMP"]);

        await Ok("UpdateSecretVersionStage", new { SecretId = "custom", VersionStage = "BLUE", MoveToVersionId = v2 });
        Assert.Equal(["BLUE", "TEMP"], (await Versions("custom"))[v2].Order());

        await Ok("UpdateSecretVersionStage", new { SecretId = "custom", VersionStage = "BLUE", RemoveFromVersionId = v2 });
        await Ok("UpdateSecretVersionStage", new { SecretId = "custom", VersionStage = "TEMP", RemoveFromVersionId = v2 });
        Assert.Empty((await Versions("custom"))[v2]);
        Assert.DoesNotContain(v2, (await Versions("custom", includeDeprecated: false)).Keys);
    }

    [Fact]
    public async Task A_missing_stage_or_version_is_ResourceNotFoundException()
    {
        await CreateSecret("lookup", "v1");
        await Fails("GetSecretValue", new { SecretId = "lookup", VersionStage = "NOPE" }, "ResourceNotFoundException");
        await Fails("GetSecretValue", new { SecretId = "lookup", VersionId = Guid.NewGuid().ToString() }, "ResourceNotFoundException");
    }
}
