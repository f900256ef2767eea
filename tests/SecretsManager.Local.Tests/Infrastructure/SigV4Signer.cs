using System.Security.Cryptography;
using System.Text;

namespace SecretsManager.Local.Tests.Infrastructure;

/// <summary>
/// A minimal AWS Signature Version 4 signer for POST requests, written from the public spec so the tests
/// check the endpoint's verifier against an independent implementation (not the service's own code, not AWSSDK).
/// </summary>
public static class SigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>Builds the Authorization header value for the given request parts.</summary>
    /// <param name="headers">Headers to sign (name → value); names are lower-cased here.</param>
    public static string Authorization(
        string method, string path, string query, IReadOnlyDictionary<string, string> headers, byte[] payload,
        string accessKey, string secretKey, string region, string service, DateTime utcNow)
    {
        var amzDate = utcNow.ToString("yyyyMMdd'T'HHmmss'Z'");
        var date = utcNow.ToString("yyyyMMdd");
        var scope = $"{date}/{region}/{service}/aws4_request";

        var sorted = headers
            .Select(h => new KeyValuePair<string, string>(h.Key.ToLowerInvariant(), CollapseSpaces(h.Value.Trim())))
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .ToList();
        var canonicalHeaders = string.Concat(sorted.Select(h => $"{h.Key}:{h.Value}\n"));
        var signedHeaders = string.Join(';', sorted.Select(h => h.Key));

        var canonicalRequest = string.Join('\n',
            method, path, CanonicalQuery(query), canonicalHeaders, signedHeaders, Hex(SHA256.HashData(payload)));
        var stringToSign = string.Join('\n',
            Algorithm, amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var signature = Hex(Hmac(key, stringToSign));

        return $"{Algorithm} Credential={accessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
    }

    /// <summary>The X-Amz-Date value for a moment.</summary>
    public static string AmzDate(DateTime utcNow) => utcNow.ToString("yyyyMMdd'T'HHmmss'Z'");

    private static string CanonicalQuery(string query)
    {
        if (string.IsNullOrEmpty(query)) return string.Empty;
        var pairs = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p =>
            {
                var i = p.IndexOf('=');
                var k = i < 0 ? p : p[..i];
                var v = i < 0 ? string.Empty : p[(i + 1)..];
                return (Key: Uri.EscapeDataString(Uri.UnescapeDataString(k)), Value: Uri.EscapeDataString(Uri.UnescapeDataString(v)));
            })
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => $"{p.Key}={p.Value}"));
    }

    private static string CollapseSpaces(string value)
    {
        var sb = new StringBuilder(value.Length);
        var lastSpace = false;
        foreach (var c in value)
        {
            if (c == ' ') { if (!lastSpace) sb.Append(c); lastSpace = true; }
            else { sb.Append(c); lastSpace = false; }
        }
        return sb.ToString();
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
