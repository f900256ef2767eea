using System.Text;
using SecretsManager.Local.Protocol;

namespace SecretsManager.Local.Domain;

/// <summary>Opaque paging tokens: the scope of the listing and the offset to continue from.</summary>
internal static class NextTokenCodec
{
    public static string Encode(string scope, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"v1|{scope}|{offset}"));

    /// <summary>The offset in a token from <see cref="Encode"/> for the same scope; anything else is InvalidNextTokenException.</summary>
    public static int Decode(string? token, string scope)
    {
        if (token is null) return 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var prefix = $"v1|{scope}|";
            if (text.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(text[prefix.Length..], out var offset) && offset >= 0)
                return offset;
        }
        catch (FormatException)
        {
            // Not base64: falls through to the AWS error below.
        }
        throw new ServiceException(ErrorCodes.InvalidNextToken, "The NextToken value is invalid.");
    }
}
