using System.Security.Cryptography;
using System.Text;

namespace SecretsManager.Local.Auth;

/// <summary>The hashing primitives of AWS Signature Version 4, shared by the verifier and the internal signer.</summary>
internal static class SigV4Crypto
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public static string HexSha256(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    public static string HexSha256(string text) => HexSha256(Encoding.UTF8.GetBytes(text));

    public static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    /// <summary>kSigning = HMAC chain over date, region, service and "aws4_request".</summary>
    public static byte[] SigningKey(string secretKey, string date, string region, string service)
    {
        var kDate = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        var kRegion = Hmac(kDate, region);
        var kService = Hmac(kRegion, service);
        return Hmac(kService, "aws4_request");
    }

    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        $"{Algorithm}\n{amzDate}\n{scope}\n{HexSha256(canonicalRequest)}";

    /// <summary>RFC 3986 encoding as SigV4 wants it: unreserved characters stay, everything else is %XX upper-case.</summary>
    public static string UriEncode(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or '~')
                sb.Append(c);
            else
                sb.Append('%').Append(b.ToString("X2"));
        }
        return sb.ToString();
    }

    /// <summary>Canonical request for a request path, raw query string, header lookup and payload hash.</summary>
    public static string CanonicalRequest(string method, string path, string rawQuery, IReadOnlyList<string> signedHeaders,
        Func<string, string?> headerValue, string payloadHash)
    {
        var sb = new StringBuilder();
        sb.Append(method).Append('\n');
        sb.Append(CanonicalPath(path)).Append('\n');
        sb.Append(CanonicalQuery(rawQuery)).Append('\n');
        foreach (var name in signedHeaders)
            sb.Append(name).Append(':').Append(CanonicalHeaderValue(headerValue(name) ?? "")).Append('\n');
        sb.Append('\n');
        sb.Append(string.Join(';', signedHeaders)).Append('\n');
        sb.Append(payloadHash);
        return sb.ToString();
    }

    private static string CanonicalPath(string path)
    {
        if (string.IsNullOrEmpty(path)) return "/";
        var segments = path.Split('/');
        // Non-S3 services encode each segment twice: once by the client, once in the canonical form.
        return string.Join('/', segments.Select(s => UriEncode(UriEncode(Uri.UnescapeDataString(s)))));
    }

    private static string CanonicalQuery(string rawQuery)
    {
        var q = rawQuery.StartsWith('?') ? rawQuery[1..] : rawQuery;
        if (q.Length == 0) return "";
        var pairs = q.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p =>
            {
                var i = p.IndexOf('=');
                var k = i < 0 ? p : p[..i];
                var v = i < 0 ? "" : p[(i + 1)..];
                return (Key: UriEncode(Uri.UnescapeDataString(k.Replace('+', ' '))), Value: UriEncode(Uri.UnescapeDataString(v.Replace('+', ' '))));
            })
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => p.Key + "=" + p.Value));
    }

    private static string CanonicalHeaderValue(string value)
    {
        var sb = new StringBuilder(value.Length);
        var lastSpace = false;
        foreach (var c in value.Trim())
        {
            if (c == ' ' || c == '\t')
            {
                if (!lastSpace) sb.Append(' ');
                lastSpace = true;
            }
            else
            {
                sb.Append(c);
                lastSpace = false;
            }
        }
        return sb.ToString();
    }
}
