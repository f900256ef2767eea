using SecretsManager.Local.Protocol;
using SecretsManager.Local.State;

namespace SecretsManager.Local.Domain;

/// <summary>Tag rules: at most 50 tags per secret, keys 1–128 and values 0–256 characters, the aws: prefix reserved.</summary>
internal static class TagRules
{
    public const int MaxTags = 50;

    /// <summary>Reads and checks the Tags of a request; later duplicates of a key win.</summary>
    public static List<SecretTag> Read(RequestReader request, string member = "Tags")
    {
        var tags = new List<SecretTag>();
        foreach (var t in request.StructureList(member) ?? [])
        {
            var key = t.String("Key") ?? throw ServiceException.InvalidParameter("A tag is missing its Key.");
            var value = t.String("Value") ?? "";
            ValidateKey(key);
            tags.RemoveAll(x => x.Key == key);
            tags.Add(new SecretTag(key, value));
        }
        return tags;
    }

    public static void ValidateKey(string key)
    {
        if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            throw ServiceException.InvalidParameter($"Invalid tag key '{key}': the aws: prefix is reserved for use by AWS.");
    }

    /// <summary>Merges new tags into existing ones (same key overwrites) and enforces the 50-tag limit.</summary>
    public static List<SecretTag> Merge(IReadOnlyList<SecretTag> existing, IReadOnlyList<SecretTag> adding)
    {
        var merged = existing.Where(e => adding.All(a => a.Key != e.Key)).Concat(adding).ToList();
        if (merged.Count > MaxTags)
            throw ServiceException.InvalidParameter($"A secret can have at most {MaxTags} tags; this request would leave {merged.Count}.");
        return merged;
    }
}
