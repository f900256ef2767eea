using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using SecretsManager.Local.Protocol;

namespace SecretsManager.Local.Auth;

/// <summary>
/// Checks an AWS Signature Version 4 Authorization header against the one configured key pair and
/// returns the region of the credential scope. Failures carry AWS's own error codes.
/// </summary>
internal sealed class SigV4Verifier
{
    private static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);
    private const string Service = "secretsmanager";
    private readonly string _accessKey;
    private readonly string _secretKey;
    // The signing key depends only on the day, region and service: derived once each, not per request (four HMACs).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> _signingKeys = new(StringComparer.Ordinal);

    public SigV4Verifier(string accessKey, string secretKey)
    {
        _accessKey = accessKey;
        _secretKey = secretKey;
    }

    /// <summary>Verifies the request; returns the signing region. Skew is judged against real time, not the test clock.</summary>
    public string Verify(HttpRequest request, byte[] body)
    {
        string? auth = request.Headers.Authorization;
        if (string.IsNullOrEmpty(auth))
            throw new ServiceException(ErrorCodes.MissingAuthenticationToken, "Missing Authentication Token");
        if (!auth.StartsWith(SigV4Crypto.Algorithm + " ", StringComparison.Ordinal))
            throw new ServiceException(ErrorCodes.IncompleteSignature,
                $"Authorization header requires the {SigV4Crypto.Algorithm} algorithm.");

        var parts = ParseParts(auth[(SigV4Crypto.Algorithm.Length + 1)..]);
        if (!parts.TryGetValue("Credential", out var credential) || !parts.TryGetValue("SignedHeaders", out var signedHeadersText)
            || !parts.TryGetValue("Signature", out var signature))
            throw new ServiceException(ErrorCodes.IncompleteSignature,
                "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters. Authorization=" + auth);

        var scopeParts = credential.Split('/');
        if (scopeParts.Length != 5)
            throw new ServiceException(ErrorCodes.IncompleteSignature,
                "Credential should have exactly 5 slash-separated elements: <key>/<date>/<region>/<service>/aws4_request.");
        var (keyId, date, region, service, terminator) = (scopeParts[0], scopeParts[1], scopeParts[2], scopeParts[3], scopeParts[4]);

        if (!string.Equals(keyId, _accessKey, StringComparison.Ordinal))
            throw new ServiceException(ErrorCodes.UnrecognizedClient, "The security token included in the request is invalid.");
        if (service != Service)
            throw new ServiceException(ErrorCodes.InvalidSignature, $"Credential should be scoped to correct service: '{Service}'.");
        if (terminator != "aws4_request")
            throw new ServiceException(ErrorCodes.InvalidSignature, "Credential should be scoped with a valid terminator: 'aws4_request', not '" + terminator + "'.");
        if (region.Length == 0 || !region.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-'))
            throw new ServiceException(ErrorCodes.InvalidSignature, $"Credential should be scoped to a valid region, not '{region}'.");

        string? amzDate = request.Headers["X-Amz-Date"];
        if (string.IsNullOrEmpty(amzDate))
            throw new ServiceException(ErrorCodes.IncompleteSignature, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var signedAt))
            throw new ServiceException(ErrorCodes.IncompleteSignature, $"Date must be in ISO-8601 'basic format'. Got '{amzDate}'.");
        if (!amzDate.StartsWith(date, StringComparison.Ordinal))
            throw new ServiceException(ErrorCodes.InvalidSignature, $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{date}' != '{amzDate[..8]}', from '{amzDate}'.");

        CheckSkew(signedAt);

        var signedHeaders = signedHeadersText.Split(';');
        if (!signedHeaders.Contains("host"))
            throw new ServiceException(ErrorCodes.InvalidSignature, "'Host' must be a 'SignedHeader' in the AWS Authorization.");
        // AWS's SigV4 rule ("Create a canonical request", Signature Version 4 signing, IAM User Guide): the canonical
        // headers must include host and every x-amz-* header the request carries, x-amz-date among them. An unsigned
        // X-Amz-Target would let whoever relays a signed request change its operation.
        foreach (var header in request.Headers.Keys)
        {
            var name = header.ToLowerInvariant();
            if (name.StartsWith("x-amz-", StringComparison.Ordinal) && !signedHeaders.Contains(name))
                throw new ServiceException(ErrorCodes.InvalidSignature,
                    $"'{header}' must be a 'SignedHeader' in the AWS Authorization: every x-amz-* header of a request is signed.");
        }
        var canonical = SigV4Crypto.CanonicalRequest(request.Method, request.Path.HasValue ? request.PathBase + request.Path : "/",
            request.QueryString.Value ?? "", signedHeaders, name => HeaderValue(request, name), SigV4Crypto.HexSha256(body));
        var scope = $"{date}/{region}/{service}/aws4_request";
        var expected = Convert.ToHexStringLower(SigV4Crypto.Hmac(SigningKey(scope, date, region, service),
            SigV4Crypto.StringToSign(amzDate, scope, canonical)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature.ToLowerInvariant())))
            throw new ServiceException(ErrorCodes.InvalidSignature,
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
        return region;
    }

    private byte[] SigningKey(string scope, string date, string region, string service)
    {
        if (_signingKeys.TryGetValue(scope, out var key)) return key;
        // Bounded: scopes change daily, and a client may sign for any region.
        if (_signingKeys.Count >= 256) _signingKeys.Clear();
        return _signingKeys[scope] = SigV4Crypto.SigningKey(_secretKey, date, region, service);
    }

    private static void CheckSkew(DateTimeOffset signedAt)
    {
        var now = DateTimeOffset.UtcNow;
        const string f = "yyyyMMdd'T'HHmmss'Z'";
        if (signedAt < now - MaxSkew)
            throw new ServiceException(ErrorCodes.InvalidSignature,
                $"Signature expired: {signedAt.ToString(f, CultureInfo.InvariantCulture)} is now earlier than {(now - MaxSkew).ToString(f, CultureInfo.InvariantCulture)} ({now.ToString(f, CultureInfo.InvariantCulture)} - 5 min.)");
        if (signedAt > now + MaxSkew)
            throw new ServiceException(ErrorCodes.InvalidSignature,
                $"Signature not yet current: {signedAt.ToString(f, CultureInfo.InvariantCulture)} is still later than {(now + MaxSkew).ToString(f, CultureInfo.InvariantCulture)} ({now.ToString(f, CultureInfo.InvariantCulture)} + 5 min.)");
    }

    private static string? HeaderValue(HttpRequest request, string name)
    {
        if (name == "host") return request.Headers.Host.ToString();
        var values = request.Headers[name];
        return values.Count == 0 ? null : string.Join(',', values.Select(v => v?.Trim()));
    }

    private static Dictionary<string, string> ParseParts(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var piece in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var i = piece.IndexOf('=');
            if (i > 0) result[piece[..i].Trim()] = piece[(i + 1)..].Trim();
        }
        return result;
    }
}
