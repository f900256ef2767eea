using System.Text.Json;
using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>ListSecrets: filters (prefix, negation, case rules), planned deletion, sort order and paging.</summary>
public class ListSecretsTests : LocalServerTestBase
{
    public ListSecretsTests(LocalServerFixture fixture) : base(fixture) { }

    private static object Tag(string key, string value) => new { Key = key, Value = value };

    private async Task SeedAsync()
    {
        await CreateSecret("app/db", extra: new Dictionary<string, object?>
        {
            ["Description"] = "Production database password",
            ["Tags"] = new[] { Tag("Env", "Prod"), Tag("team", "data") },
        });
        await CreateSecret("app/web", extra: new Dictionary<string, object?>
        {
            ["Description"] = "Web session key",
            ["Tags"] = new[] { Tag("Env", "Staging") },
        });
        await CreateSecret("other", extra: new Dictionary<string, object?>
        {
            ["Description"] = "Unrelated",
            ["Tags"] = new[] { Tag("owner", "ops") },
        });
    }

    private async Task<string[]> Names(params (string Key, string[] Values)[] filters)
    {
        var request = new Dictionary<string, object?>
        {
            ["Filters"] = filters.Select(f => new { f.Key, Values = f.Values }).ToArray(),
        };
        return (await ListAll(request)).Select(s => SmAssert.Str(s, "Name")).Order(StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public async Task Name_filter_is_a_case_sensitive_prefix_match()
    {
        await SeedAsync();
        Assert.Equal(["app/db", "app/web"], await Names(("name", ["app/"])));
        Assert.Equal(["app/db"], await Names(("name", ["app/d"])));
        Assert.Empty(await Names(("name", ["APP/"])));
        Assert.Empty(await Names(("name", ["db"])));
    }

    [Fact]
    public async Task Description_filter_is_a_case_insensitive_prefix_match()
    {
        await SeedAsync();
        Assert.Equal(["app/db"], await Names(("description", ["production"])));
        Assert.Equal(["app/db"], await Names(("description", ["PRODUCTION DATA"])));
        Assert.Empty(await Names(("description", ["xyz"])));
    }

    [Fact]
    public async Task Tag_key_and_tag_value_filters_are_case_sensitive_prefix_matches()
    {
        await SeedAsync();
        Assert.Equal(["app/db", "app/web"], await Names(("tag-key", ["En"])));
        Assert.Empty(await Names(("tag-key", ["env"])));
        Assert.Equal(["app/db"], await Names(("tag-value", ["Pro"])));
        Assert.Empty(await Names(("tag-value", ["prod"])));
    }

    [Fact]
    public async Task An_exclamation_mark_negates_a_filter_value()
    {
        await SeedAsync();
        Assert.Equal(["other"], await Names(("name", ["!app/"])));
    }

    [Fact]
    public async Task The_all_filter_searches_every_attribute_without_case()
    {
        await SeedAsync();
        Assert.Equal(["app/db", "app/web"], await Names(("all", ["APP"])));
        Assert.Equal(["other"], await Names(("all", ["OPS"])));
        Assert.Equal(["app/web"], await Names(("all", ["staging"])));
    }

    [Fact]
    public async Task Primary_region_and_owning_service_filters_match_by_prefix()
    {
        await SeedAsync();
        Assert.Equal(3, (await Names(("primary-region", ["us-east"]))).Length);
        Assert.Empty(await Names(("primary-region", ["eu-"])));
        Assert.Empty(await Names(("owning-service", ["rds"])));
    }

    [Fact]
    public async Task Values_of_one_filter_are_alternatives_and_several_filters_all_apply()
    {
        await SeedAsync();
        Assert.Equal(["app/db", "other"], await Names(("name", ["app/d", "oth"])));
        Assert.Equal(["app/web"], await Names(("name", ["app/"]), ("tag-value", ["Staging"])));
    }

    [Fact]
    public async Task Secrets_scheduled_for_deletion_are_listed_only_with_IncludePlannedDeletion()
    {
        await SeedAsync();
        await Ok("DeleteSecret", new { SecretId = "other" });
        var names = (await ListAll()).Select(s => SmAssert.Str(s, "Name")).ToArray();
        Assert.DoesNotContain("other", names);
        Assert.Equal(2, names.Length);

        var withDeleted = await ListAll(new Dictionary<string, object?> { ["IncludePlannedDeletion"] = true });
        var deleted = Assert.Single(withDeleted, s => SmAssert.Str(s, "Name") == "other");
        Assert.True(SmAssert.Has(deleted, "DeletedDate"));
    }

    [Fact]
    public async Task SortOrder_orders_by_creation_date()
    {
        foreach (var name in new[] { "s1", "s2", "s3", "s4" })
        {
            await CreateSecret(name);
            await AdvanceClock(TimeSpan.FromSeconds(5));
        }
        var asc = (await ListAll(new Dictionary<string, object?> { ["SortOrder"] = "asc" })).Select(s => SmAssert.Str(s, "Name"));
        var desc = (await ListAll(new Dictionary<string, object?> { ["SortOrder"] = "desc" })).Select(s => SmAssert.Str(s, "Name"));
        Assert.Equal(["s1", "s2", "s3", "s4"], asc);
        Assert.Equal(["s4", "s3", "s2", "s1"], desc);
    }

    [Fact]
    public async Task MaxResults_pages_through_every_secret_exactly_once()
    {
        var expected = Enumerable.Range(0, 7).Select(i => $"page-{i}").ToArray();
        foreach (var name in expected) await CreateSecret(name);

        var seen = new List<string>();
        string? token = null;
        var sizes = new List<int>();
        do
        {
            var page = await Ok("ListSecrets", new { MaxResults = 3, NextToken = token });
            var list = page.GetProperty("SecretList").EnumerateArray().Select(s => SmAssert.Str(s, "Name")).ToList();
            sizes.Add(list.Count);
            seen.AddRange(list);
            token = page.TryGetProperty("NextToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        } while (token is not null && sizes.Count < 10);

        Assert.Equal([3, 3, 1], sizes);
        Assert.Equal(expected, seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_bad_NextToken_is_InvalidNextTokenException()
    {
        await CreateSecret("one");
        await Fails("ListSecrets", new { NextToken = "not-a-token-this-endpoint-issued" }, "InvalidNextTokenException");
    }

    [Fact]
    public async Task Entries_carry_ARN_name_dates_and_version_stages_but_no_value()
    {
        await CreateSecret("entry", "hidden-value");
        var entry = Assert.Single(await ListAll());
        Assert.StartsWith("arn:aws:secretsmanager:us-east-1:123456789012:secret:entry-", SmAssert.Str(entry, "ARN"));
        SmAssert.Epoch(entry, "CreatedDate");
        Assert.Single(entry.GetProperty("SecretVersionsToStages").EnumerateObject());
        Assert.DoesNotContain("hidden-value", entry.GetRawText());
    }

    [Fact]
    public async Task A_NextToken_stays_valid_while_secrets_are_added_and_can_be_replayed()
    {
        foreach (var i in Enumerable.Range(0, 6)) await CreateSecret($"stable-{i}");
        var first = await Ok("ListSecrets", new { MaxResults = 2, SortOrder = "asc" });
        var token = SmAssert.Str(first, "NextToken");

        await CreateSecret("added-meanwhile");
        var second = await Ok("ListSecrets", new { MaxResults = 2, SortOrder = "asc", NextToken = token });
        var replay = await Ok("ListSecrets", new { MaxResults = 2, SortOrder = "asc", NextToken = token });

        var firstNames = first.GetProperty("SecretList").EnumerateArray().Select(e => SmAssert.Str(e, "Name")).ToList();
        var secondNames = second.GetProperty("SecretList").EnumerateArray().Select(e => SmAssert.Str(e, "Name")).ToList();
        Assert.Equal(2, secondNames.Count);
        Assert.Empty(firstNames.Intersect(secondNames));
        Assert.Equal(secondNames, replay.GetProperty("SecretList").EnumerateArray().Select(e => SmAssert.Str(e, "Name")));
    }
}
