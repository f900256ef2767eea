using System.Globalization;

namespace SecretsManager.Local.Auth;

/// <summary>Signs the endpoint's own calls (built-in rotation function) the way an SDK would.</summary>
internal static class SigV4Signer
{
    /// <summary>Adds X-Amz-Date and Authorization headers to a POST / request with the given body.</summary>
    public static void Sign(HttpRequestMessage message, byte[] body, string region, string accessKey, string secretKey, DateTimeOffset now)
    {
        var amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var host = message.RequestUri!.Authority;
        message.Headers.Host = host;
        message.Headers.Add("X-Amz-Date", amzDate);
        var headers = new Dictionary<string, string>
        {
            ["content-type"] = message.Content?.Headers.ContentType?.ToString() ?? "",
            ["host"] = host,
            ["x-amz-date"] = amzDate,
            ["x-amz-target"] = message.Headers.GetValues("X-Amz-Target").First(),
        };
        var signed = headers.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        var canonical = SigV4Crypto.CanonicalRequest("POST", message.RequestUri.AbsolutePath, message.RequestUri.Query, signed,
            n => headers[n], SigV4Crypto.HexSha256(body));
        var scope = $"{date}/{region}/secretsmanager/aws4_request";
        var signature = Convert.ToHexStringLower(SigV4Crypto.Hmac(SigV4Crypto.SigningKey(secretKey, date, region, "secretsmanager"),
            SigV4Crypto.StringToSign(amzDate, scope, canonical)));
        message.Headers.TryAddWithoutValidation("Authorization",
            $"{SigV4Crypto.Algorithm} Credential={accessKey}/{scope}, SignedHeaders={string.Join(';', signed)}, Signature={signature}");
    }
}
