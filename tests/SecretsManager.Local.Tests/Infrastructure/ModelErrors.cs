using System.Text.Json.Nodes;

namespace SecretsManager.Local.Tests.Infrastructure;

/// <summary>
/// The errors the model lets each operation return, plus the errors every awsJson1_1 service may return (request
/// validation, signing, routing). When the model folder is absent, nothing is checked.
/// </summary>
public static class ModelErrors
{
    /// <summary>Errors of the protocol and of AWS's front end, which the model does not list per operation.</summary>
    public static readonly IReadOnlySet<string> Common = new HashSet<string>(StringComparer.Ordinal)
    {
        "ValidationException", "SerializationException", "UnknownOperationException", "AccessDeniedException",
        "InvalidSignatureException", "UnrecognizedClientException", "IncompleteSignatureException",
        "MissingAuthenticationTokenException", "InternalServiceError", "RequestEntityTooLargeException",
    };

    private static readonly Lazy<Dictionary<string, HashSet<string>>?> ByOperation = new(Load);

    /// <summary>True when <paramref name="code"/> may come back from <paramref name="operation"/> (or the model is absent or doesn't know the operation).</summary>
    public static bool Allows(string operation, string code) =>
        Common.Contains(code) || ByOperation.Value is not { } table || !table.TryGetValue(operation, out var errors) || errors.Contains(code);

    private static Dictionary<string, HashSet<string>>? Load()
    {
        if (!File.Exists(ModelFiles.Model)) return null;
        var shapes = JsonNode.Parse(File.ReadAllText(ModelFiles.Model))!["shapes"]!.AsObject();
        return shapes.Where(kv => kv.Value!["type"]!.GetValue<string>() == "operation").ToDictionary(
            kv => kv.Key.Split('#')[^1],
            kv => (kv.Value!["errors"] as JsonArray ?? []).Select(e => e!["target"]!.GetValue<string>().Split('#')[^1]).ToHashSet(StringComparer.Ordinal));
    }
}
