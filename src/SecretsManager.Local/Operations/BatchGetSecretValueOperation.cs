using System.Text.Json.Nodes;
using SecretsManager.Local.Domain;
using SecretsManager.Local.Protocol;
using SecretsManager.Local.State;

namespace SecretsManager.Local.Operations;

/// <summary>
/// BatchGetSecretValue: the AWSCURRENT values of up to 20 secrets named in SecretIdList, or of the secrets matching
/// Filters (paged by MaxResults/NextToken). A secret that can't be read becomes an entry in Errors, not a failed call.
/// </summary>
internal sealed class BatchGetSecretValueOperation : IOperation
{
    private const int DefaultPageSize = 20;

    public string Name => "BatchGetSecretValue";

    public JsonObject Execute(OperationContext ctx)
    {
        var req = ctx.Request;
        var ids = req.StringList("SecretIdList");
        var hasFilters = req.Has("Filters");
        if ((ids is null) == !hasFilters)
            throw ServiceException.InvalidParameter("Specify either SecretIdList or Filters, but not both.");
        if (ids is not null && (req.Has("MaxResults") || req.Has("NextToken")))
            throw ServiceException.InvalidParameter("MaxResults and NextToken can only be used with Filters.");

        var values = new JsonArray();
        var errors = new JsonArray();
        string? nextToken = null;
        if (ids is not null)
        {
            foreach (var id in ids.Distinct(StringComparer.Ordinal))
            {
                var secret = SecretLocator.Find(ctx.Store, id);
                if (secret is null) errors.Add(Error(id, ServiceException.SecretNotFound()));
                else Read(secret, id, ctx.Now, values, errors);
            }
        }
        else
        {
            var filters = SecretFilter.Read(req);
            var pageSize = (int)(req.Long("MaxResults") ?? DefaultPageSize);
            // As ListSecrets: the token continues after the last secret returned, and belongs to these filters only.
            var scope = ListingKey.Scope(Name, req.Element("Filters")?.GetRawText());
            var after = ListingKey.Decode(req.String("NextToken"), scope);
            var matches = ctx.Store.Secrets.Values.Where(s => !s.IsScheduledForDeletion && SecretFilter.MatchesAll(filters, s))
                .Select(s => (Key: new ListingKey(s.CreatedDate.UtcTicks, s.Name, s.Arn), Secret: s))
                .Where(e => after is null || ListingKey.Ascending.Compare(e.Key, after) > 0)
                .OrderBy(e => e.Key, ListingKey.Ascending).ToList();
            var page = matches.Take(pageSize).ToList();
            foreach (var (_, secret) in page) Read(secret, secret.Arn, ctx.Now, values, errors);
            if (page.Count < matches.Count) nextToken = page[^1].Key.Encode(scope);
        }
        return new JsonObject { ["SecretValues"] = values, ["Errors"] = errors }.AddIf("NextToken", nextToken);
    }

    private static void Read(Secret secret, string id, DateTimeOffset now, JsonArray values, JsonArray errors)
    {
        try
        {
            if (secret.IsScheduledForDeletion) throw ServiceException.MarkedForDeletion();
            var version = GetSecretValueOperation.Resolve(secret, null, null);
            GetSecretValueOperation.MarkAccessed(secret, version, now);
            values.Add(GetSecretValueOperation.Render(secret, version));
        }
        catch (ServiceException e)
        {
            errors.Add(Error(id, e));
        }
    }

    private static JsonObject Error(string id, ServiceException e) =>
        new() { ["SecretId"] = id, ["ErrorCode"] = e.Code, ["Message"] = e.Message };
}
