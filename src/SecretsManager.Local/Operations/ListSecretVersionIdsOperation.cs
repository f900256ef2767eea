using System.Text.Json.Nodes;
using SecretsManager.Local.Domain;
using SecretsManager.Local.Protocol;

namespace SecretsManager.Local.Operations;

/// <summary>ListSecretVersionIds: versions newest first; deprecated (unlabelled) ones only with IncludeDeprecated.</summary>
internal sealed class ListSecretVersionIdsOperation : IOperation
{
    private const int DefaultPageSize = 100;

    public string Name => "ListSecretVersionIds";

    public JsonObject Execute(OperationContext ctx)
    {
        var req = ctx.Request;
        var secret = ctx.FindSecret();
        var includeDeprecated = req.Bool("IncludeDeprecated") ?? false;
        var pageSize = (int)(req.Long("MaxResults") ?? DefaultPageSize);
        var scope = "ListSecretVersionIds|" + secret.Arn;
        var offset = NextTokenCodec.Decode(req.String("NextToken"), scope);
        var versions = secret.Versions.Where(v => includeDeprecated || !v.IsDeprecated)
            .OrderByDescending(v => v.CreatedDate).ThenByDescending(v => secret.Versions.IndexOf(v)).ToList();
        if (offset > versions.Count) throw new ServiceException(ErrorCodes.InvalidNextToken, "The NextToken value is invalid.");

        var page = versions.Skip(offset).Take(pageSize).ToList();
        var result = new JsonObject
        {
            ["Versions"] = new JsonArray(page.Select(v =>
            {
                var entry = new JsonObject { ["VersionId"] = v.VersionId };
                if (!v.IsDeprecated) entry["VersionStages"] = JsonWire.StringArray(v.Stages);
                entry.AddIf("LastAccessedDate", v.LastAccessedDate).AddIf("CreatedDate", v.CreatedDate);
                return (JsonNode)entry;
            }).ToArray()),
        };
        if (offset + page.Count < versions.Count) result["NextToken"] = NextTokenCodec.Encode(scope, offset + page.Count);
        result["ARN"] = secret.Arn;
        result["Name"] = secret.Name;
        return result;
    }
}
