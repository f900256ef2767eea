using System.Text.Json;
using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>
/// ListSecrets SortBy × SortOrder over four secrets whose creation, change, access and name orders all differ (the
/// test clock moves between the calls), so each of the eight orders is a distinct permutation; and NextToken's scope.
/// </summary>
public class ListSecretsSortTests : LocalServerTestBase
{
    public ListSecretsSortTests(LocalServerFixture fixture) : base(fixture) { }

    private async Task SeedAsync()
    {
        foreach (var name in new[] { "c", "a", "d", "b" })
        {
            await CreateSecret(name);
            await AdvanceClock(TimeSpan.FromSeconds(5));
        }
        foreach (var name in new[] { "b", "c", "a", "d" })
        {
            await Ok("UpdateSecret", new { SecretId = name, Description = "changed" });
            await AdvanceClock(TimeSpan.FromSeconds(5));
        }
        // LastAccessedDate is a day, so a day passes between reads; 'a' is never read.
        foreach (var name in new[] { "d", "b", "c" })
        {
            await AdvanceClock(TimeSpan.FromDays(1));
            await GetString(name);
        }
    }

    public static TheoryData<string?, string?, string> Orders() => new()
    {
        { null, null, "c a d b" },
        { "created-date", "asc", "c a d b" },
        { "created-date", "desc", "b d a c" },
        { "name", "asc", "a b c d" },
        { "name", "desc", "d c b a" },
        { "last-changed-date", "asc", "b c a d" },
        { "last-changed-date", "desc", "d a c b" },
        { "last-accessed-date", "asc", "a d b c" },
        { "last-accessed-date", "desc", "c b d a" },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Each_SortBy_and_SortOrder_gives_its_own_order_on_every_page_size(string? sortBy, string? sortOrder, string expected)
    {
        await SeedAsync();
        foreach (var pageSize in new[] { 1, 3, 100 })
        {
            var request = new Dictionary<string, object?> { ["MaxResults"] = pageSize };
            if (sortBy is not null) request["SortBy"] = sortBy;
            if (sortOrder is not null) request["SortOrder"] = sortOrder;
            var names = (await ListAll(request)).Select(s => SmAssert.Str(s, "Name"));
            Assert.Equal(expected, string.Join(' ', names));
        }
    }

    [Fact]
    public void The_eight_orders_of_the_seed_are_all_different()
    {
        var orders = Orders().Select(row => (string)row[2]).Skip(1).ToList();
        Assert.Equal(8, orders.Distinct().Count());
    }

    [Fact]
    public async Task Names_sort_ordinally_as_AWS_compares_them()
    {
        foreach (var name in new[] { "b", "a", "B", "a/b", "a-b" }) await CreateSecret(name);
        var names = (await ListAll(new Dictionary<string, object?> { ["SortBy"] = "name", ["MaxResults"] = 2 })).Select(s => SmAssert.Str(s, "Name"));
        Assert.Equal(["B", "a", "a-b", "a/b", "b"], names);
    }

    [Theory]
    [InlineData("name", "desc")]
    [InlineData("created-date", "asc")]
    [InlineData("last-changed-date", "asc")]
    public async Task A_NextToken_is_refused_by_a_listing_of_another_sort(string otherSortBy, string otherOrder)
    {
        await SeedAsync();
        var first = await Ok("ListSecrets", new { MaxResults = 2, SortBy = "name", SortOrder = "asc" });
        var token = SmAssert.Str(first, "NextToken");

        await Fails("ListSecrets", new { MaxResults = 2, SortBy = otherSortBy, SortOrder = otherOrder, NextToken = token }, "InvalidNextTokenException");
        var next = await Ok("ListSecrets", new { MaxResults = 2, SortBy = "name", SortOrder = "asc", NextToken = token });
        Assert.Equal(["c", "d"], next.GetProperty("SecretList").EnumerateArray().Select(e => SmAssert.Str(e, "Name")));
    }

    [Fact]
    public async Task A_NextToken_is_refused_by_a_listing_with_other_filters()
    {
        await SeedAsync();
        var first = await Ok("ListSecrets", new { MaxResults = 1 });
        await Fails("ListSecrets", new { MaxResults = 1, NextToken = SmAssert.Str(first, "NextToken"), Filters = new[] { new { Key = "name", Values = new[] { "a" } } } },
            "InvalidNextTokenException");
        await Fails("ListSecrets", new { MaxResults = 1, NextToken = SmAssert.Str(first, "NextToken"), IncludePlannedDeletion = true }, "InvalidNextTokenException");
    }

    [Fact]
    public async Task Deleting_the_listed_secrets_while_paging_leaves_none_behind()
    {
        // The cleanup script pattern: list a page, delete it, follow NextToken. An offset token skipped a page per page.
        for (int i = 0; i < 25; i++) await CreateSecret($"cleanup/{i:D2}");
        string? token = null;
        var deleted = 0;
        do
        {
            var body = new Dictionary<string, object?> { ["MaxResults"] = 10, ["SortBy"] = "name" };
            if (token is not null) body["NextToken"] = token;
            var page = await Ok("ListSecrets", body);
            foreach (var entry in page.GetProperty("SecretList").EnumerateArray())
            {
                await Ok("DeleteSecret", new { SecretId = SmAssert.Str(entry, "ARN"), ForceDeleteWithoutRecovery = true });
                deleted++;
            }
            token = page.TryGetProperty("NextToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        } while (token is not null);

        Assert.Equal(25, deleted);
        Assert.Empty(await ListAll());
    }
}
