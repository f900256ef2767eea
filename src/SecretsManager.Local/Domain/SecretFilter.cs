using SecretsManager.Local.Protocol;
using SecretsManager.Local.State;

namespace SecretsManager.Local.Domain;

/// <summary>
/// The ListSecrets/BatchGetSecretValue filters. Each filter matches by prefix; values of one filter are alternatives,
/// several filters must all match. A value starting with <c>!</c> excludes secrets that match the rest of it.
/// name, tag-key, tag-value, primary-region and owning-service are case-sensitive; description and all are not.
/// </summary>
internal sealed class SecretFilter
{
    private readonly string _key;
    private readonly List<string> _positive = [];
    private readonly List<string> _negative = [];

    private SecretFilter(string key) => _key = key;

    /// <summary>Reads the Filters member; throws InvalidParameterException for an incomplete filter.</summary>
    public static List<SecretFilter> Read(RequestReader request)
    {
        var filters = new List<SecretFilter>();
        foreach (var f in request.StructureList("Filters") ?? [])
        {
            var key = f.String("Key") ?? throw ServiceException.InvalidParameter("Each filter needs a Key.");
            var values = f.StringList("Values") ?? throw ServiceException.InvalidParameter($"The filter '{key}' needs Values.");
            var filter = new SecretFilter(key);
            foreach (var v in values)
            {
                if (v.StartsWith('!')) filter._negative.Add(v[1..]);
                else filter._positive.Add(v);
            }
            filters.Add(filter);
        }
        return filters;
    }

    public static bool MatchesAll(IEnumerable<SecretFilter> filters, Secret secret) => filters.All(f => f.Matches(secret));

    public bool Matches(Secret secret)
    {
        var candidates = Candidates(secret).ToList();
        var comparison = _key is "description" or "all" ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        bool Hit(string value) => _key == "all"
            ? value.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(word => candidates.Any(c => WordPrefix(c, word, comparison)))
            : candidates.Any(c => c.StartsWith(value, comparison));
        if (_positive.Count > 0 && !_positive.Any(Hit)) return false;
        return !_negative.Any(Hit);
    }

    private IEnumerable<string> Candidates(Secret s) => _key switch
    {
        "name" => [s.Name],
        "description" => s.Description is null ? [] : [s.Description],
        "tag-key" => s.Tags.Select(t => t.Key),
        "tag-value" => s.Tags.Select(t => t.Value),
        "primary-region" => [s.PrimaryRegion ?? s.Region],
        "owning-service" => s.OwningService is null ? [] : [s.OwningService],
        "all" => new[] { s.Name, s.Description ?? "", s.PrimaryRegion ?? s.Region, s.OwningService ?? "" }
            .Concat(s.Tags.Select(t => t.Key)).Concat(s.Tags.Select(t => t.Value)).Where(x => x.Length > 0),
        _ => [],
    };

    /// <summary>For "all": the word is a prefix of the attribute or of one of its words.</summary>
    private static bool WordPrefix(string attribute, string word, StringComparison comparison) =>
        attribute.StartsWith(word, comparison)
        || attribute.Split([' ', '/', '-', '_', '.', ':', '@', '+', '='], StringSplitOptions.RemoveEmptyEntries)
            .Any(w => w.StartsWith(word, comparison));
}
