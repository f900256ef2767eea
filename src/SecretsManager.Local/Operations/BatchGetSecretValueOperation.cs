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
            const string scope = "BatchGetSecretValue";
            var offset = NextTokenCodec.Decode(req.String("NextToken"), scope);
            var matches = ctx.Store.Secrets.Values.Where(s => !s.IsScheduledForDeletion && SecretFilter.MatchesAll(filters, s))
                .OrderBy(s => s.CreatedDate).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
            if (offset > matches.Count) throw new ServiceException(ErrorCodes.InvalidNextToken, "The NextToken value is invalid.");
            var page = matches.Skip(offset).Take(pageSize).ToList();
            foreach (var secret in page) Read(secret, secret.Arn, ctx.Now, values, errors);
            if (offset + page.Count < matches.Count) nextToken = NextTokenCodec.Encode(scope, offset + page.Count);
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
