using System.Text.Json;
using Xunit;

namespace SecretsManager.Local.Tests.Infrastructure;

/// <summary>Assertions that name what the endpoint actually answered when they fail.</summary>
public static class SmAssert
{
    /// <summary>The answer is the AWS error <paramref name="code"/> with HTTP <paramref name="status"/>.</summary>
    public static void Error(SmResponse response, string code, int status = 400)
    {
        Assert.True(response.ErrorCode == code && response.Status == status,
            $"Expected {code} (HTTP {status}) but got {response}");
        Assert.False(string.IsNullOrEmpty(response.Message), $"The {code} error carries no message: {response}");
    }

    /// <summary>The answer is a 200 with a JSON object body; returns that body.</summary>
    public static JsonElement Ok(SmResponse response)
    {
        Assert.True(response.Status == 200, $"Expected HTTP 200 but got {response}");
        Assert.Equal(JsonValueKind.Object, response.Json.ValueKind);
        return response.Json;
    }

    public static string Str(JsonElement e, string name)
    {
        Assert.True(e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String, $"No string '{name}' in {e}");
        return p.GetString()!;
    }

    public static bool Has(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var p) && p.ValueKind != JsonValueKind.Null;

    public static double Epoch(JsonElement e, string name)
    {
        Assert.True(e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number,
            $"'{name}' should be epoch seconds (a JSON number) in {e}");
        return p.GetDouble();
    }
}
