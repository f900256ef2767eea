using System.Text.Json.Nodes;
using SecretsManager.Local.Domain;
using SecretsManager.Local.State;

namespace SecretsManager.Local.Operations;

/// <summary>
/// ListSecrets: filters, IncludePlannedDeletion, SortBy (created-date by default, last-accessed-date, last-changed-date,
/// name) in SortOrder, MaxResults and a NextToken that continues after the last secret returned.
/// </summary>
internal sealed class ListSecretsOperation : IOperation
{
    private const int DefaultPageSize = 100;

    public string Name => "ListSecrets";

    public JsonObject Execute(OperationContext ctx)
    {
        var req = ctx.Request;
        var filters = SecretFilter.Read(req);
        var includeDeleted = req.Bool("IncludePlannedDeletion") ?? false;
        var sortBy = req.String("SortBy") ?? "created-date";
        var descending = req.String("SortOrder") == "desc";
        var pageSize = (int)(req.Long("MaxResults") ?? DefaultPageSize);
        var scope = ListingKey.Scope(Name, sortBy, descending ? "desc" : "asc", includeDeleted.ToString(), req.Element("Filters")?.GetRawText());
        var after = ListingKey.Decode(req.String("NextToken"), scope);

        var order = descending ? Comparer<ListingKey>.Create((a, b) => ListingKey.Ascending.Compare(b, a)) : ListingKey.Ascending;
        var ordered = ctx.Store.Secrets.Values
            .Where(s => includeDeleted || !s.IsScheduledForDeletion)
            .Where(s => SecretFilter.MatchesAll(filters, s))
            .Select(s => (Key: KeyOf(s, sortBy), Secret: s))
            .Where(e => after is null || order.Compare(e.Key, after) > 0)
            .OrderBy(e => e.Key, order)
            .ToList();

        var page = ordered.Take(pageSize).ToList();
        var result = new JsonObject
        {
            ["SecretList"] = new JsonArray(page.Select(e => (JsonNode)SecretViews.ListEntry(e.Secret)).ToArray()),
        };
        if (page.Count < ordered.Count) result["NextToken"] = page[^1].Key.Encode(scope);
        return result;
    }

    private static ListingKey KeyOf(Secret s, string sortBy) => new(sortBy switch
    {
        "name" => null, // the name itself is the sort value, and the first tiebreak
        "last-accessed-date" => s.LastAccessedDate?.UtcTicks,
        "last-changed-date" => s.LastChangedDate.UtcTicks,
        _ => s.CreatedDate.UtcTicks,
    }, s.Name, s.Arn);
}
