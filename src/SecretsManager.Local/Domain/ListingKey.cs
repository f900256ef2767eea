using System.Security.Cryptography;
using System.Text;
using SecretsManager.Local.Protocol;

namespace SecretsManager.Local.Domain;

/// <summary>
/// A position in a sorted listing: the sort value, then name and ARN as tiebreaks, so every secret has its own key.
/// NextToken carries the last key returned and the listing's scope (its sort and filters): the next page continues
/// after that key, so secrets created or deleted meanwhile never make a page skip or repeat one that existed throughout,
/// and a token is refused by a listing of another sort or filter.
/// </summary>
internal sealed record ListingKey(long? SortValue, string Name, string Arn)
{
    /// <summary>Orders keys ascending: a missing sort value (never accessed) first, then by value, name and ARN.</summary>
    public static readonly IComparer<ListingKey> Ascending = Comparer<ListingKey>.Create((a, b) =>
    {
        int c = Nullable.Compare(a.SortValue, b.SortValue);
        if (c == 0) c = string.CompareOrdinal(a.Name, b.Name);
        return c != 0 ? c : string.CompareOrdinal(a.Arn, b.Arn);
    });

    /// <summary>A scope that names the listing a token belongs to, from the request members that shape it.</summary>
    public static string Scope(string operation, params string?[] shape)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", shape.Select(s => s ?? "\0"))));
        return operation + "." + Convert.ToHexString(digest, 0, 8);
    }

    public string Encode(string scope) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join("\n", "v2", scope, SortValue?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", Name, Arn)));

    /// <summary>The key in a token from <see cref="Encode"/> for the same scope; null without a token; anything else is InvalidNextTokenException.</summary>
    public static ListingKey? Decode(string? token, string scope)
    {
        if (token is null) return null;
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('\n');
            if (parts.Length == 5 && parts[0] == "v2" && parts[1] == scope)
            {
                long? value = parts[2].Length == 0 ? null : long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
                return new ListingKey(value, parts[3], parts[4]);
            }
        }
        catch (FormatException)
        {
            // Not base64 or not a number: falls through to the AWS error below.
        }
        throw new ServiceException(ErrorCodes.InvalidNextToken, "The NextToken value is invalid.");
    }
}
