namespace SecretsManager.Local.Tests.Infrastructure;

/// <summary>How to sign one request: defaults are a valid signature for the endpoint's default key pair.</summary>
public sealed record SignOptions
{
    public string Region { get; init; } = "us-east-1";
    public string AccessKey { get; init; } = "test";
    public string SecretKey { get; init; } = "test";
    public string Service { get; init; } = "secretsmanager";

    /// <summary>The moment the request claims to be signed at; null = now.</summary>
    public DateTime? SignedAt { get; init; }

    /// <summary>Send no Authorization header at all.</summary>
    public bool Unsigned { get; init; }

    /// <summary>Sign one body, then send these bytes instead (a request altered in transit).</summary>
    public byte[]? BodySentInsteadOfSigned { get; init; }

    /// <summary>Send neither X-Amz-Date nor Date (the signature still covers the date it claims).</summary>
    public bool OmitDateHeader { get; init; }

    /// <summary>Send this Authorization header value verbatim instead of a computed one.</summary>
    public string? AuthorizationOverride { get; init; }

    /// <summary>More headers to send and sign (as real clients sign User-Agent and the like).</summary>
    public IReadOnlyDictionary<string, string>? ExtraSignedHeaders { get; init; }

    /// <summary>Signs and sends these bytes as the body instead of the UTF-8 of the text (bodies that aren't valid UTF-8).</summary>
    public byte[]? Payload { get; init; }

    /// <summary>Leave X-Amz-Target out of the signed headers, though it is sent (a relay that changes the operation).</summary>
    public bool TargetUnsigned { get; init; }

    /// <summary>Send and sign this Host instead of the endpoint's (a page reaching it through DNS rebinding).</summary>
    public string? Host { get; init; }

    public static SignOptions Default { get; } = new();

    public static SignOptions ForRegion(string region) => new() { Region = region };
}
