using System.Net;
using System.Text.Json;

namespace SecretsManager.Local.Tests.Infrastructure;

/// <summary>One HTTP answer from the endpoint, with the AWS error fields pulled out when it is an error.</summary>
public sealed class SmResponse
{
    public SmResponse(HttpStatusCode status, string contentType, string body)
    {
        Status = (int)status;
        ContentType = contentType;
        Body = body;
        try
        {
            Json = string.IsNullOrWhiteSpace(body) ? default : JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            Json = default;
        }

        if (Json.ValueKind == JsonValueKind.Object)
        {
            if (Json.TryGetProperty("__type", out var type) && type.ValueKind == JsonValueKind.String)
            {
                RawErrorType = type.GetString();
                ErrorCode = NormalizeCode(RawErrorType!);
            }
            foreach (var name in new[] { "message", "Message" })
            {
                if (Json.TryGetProperty(name, out var m) && m.ValueKind == JsonValueKind.String) Message = m.GetString();
            }
        }
    }

    public int Status { get; }
    public string ContentType { get; }
    public string Body { get; }
    public JsonElement Json { get; }

    /// <summary>The <c>__type</c> exactly as sent.</summary>
    public string? RawErrorType { get; }

    /// <summary>The error code as AWS clients read it: any <c>namespace#</c> prefix and <c>:suffix</c> removed.</summary>
    public string? ErrorCode { get; }

    public string? Message { get; }

    /// <summary>The <c>x-amzn-RequestId</c> response header, which AWS sends on every answer.</summary>
    public string? RequestId { get; init; }

    public bool IsSuccess => Status is >= 200 and < 300;

    public override string ToString() => $"HTTP {Status} {Body}";

    private static string NormalizeCode(string raw)
    {
        var code = raw;
        var hash = code.LastIndexOf('#');
        if (hash >= 0) code = code[(hash + 1)..];
        var colon = code.IndexOf(':');
        if (colon >= 0) code = code[..colon];
        return code;
    }
}
