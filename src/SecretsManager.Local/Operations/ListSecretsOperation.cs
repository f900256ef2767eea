using System.Text.Json.Nodes;
using SecretsManager.Local.Domain;

namespace SecretsManager.Local.Operations;

/// <summary>ListSecrets: filters, IncludePlannedDeletion, SortOrder by CreatedDate, MaxResults and NextToken.</summary>
internal sealed class ListSecretsOperation : IOperation
{
    private const int DefaultPageSize = 100;

    public string Name => "ListSecrets";

    public JsonObject Execute(OperationContext ctx)
    {
        var req = ctx.Request;
        var filters = SecretFilter.Read(req);
        var includeDeleted = req.Bool("IncludePlannedDeletion") ?? false;
        var descending = req.String("SortOrder") == "desc";
        var pageSize = (int)(req.Long("MaxResults") ?? DefaultPageSize);
        var scope = "ListSecrets";
        var offset = NextTokenCodec.Decode(req.String("NextToken"), scope);

        var matches = ctx.Store.Secrets.Values
            .Where(s => includeDeleted || !s.IsScheduledForDeletion)
            .Where(s => SecretFilter.MatchesAll(filters, s));
        var ordered = (descending
            ? matches.OrderByDescending(s => s.CreatedDate).ThenByDescending(s => s.Name, StringComparer.Ordinal)
            : matches.OrderBy(s => s.CreatedDate).ThenBy(s => s.Name, StringComparer.Ordinal)).ToList();
        if (offset > ordered.Count) throw new Protocol.ServiceException(Protocol.ErrorCodes.InvalidNextToken, "The NextToken value is invalid.");

        var page = ordered.Skip(offset).Take(pageSize).ToList();
        var result = new JsonObject
        {
            ["SecretList"] = new JsonArray(page.Select(s => (JsonNode)SecretViews.ListEntry(s)).ToArray()),
        };
        if (offset + page.Count < ordered.Count) result["NextToken"] = NextTokenCodec.Encode(scope, offset + page.Count);
        return result;
    }
}
