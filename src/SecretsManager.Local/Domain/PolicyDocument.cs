using System.Text.Json;
using System.Text.Json.Nodes;
using SecretsManager.Local.Protocol;

namespace SecretsManager.Local.Domain;

/// <summary>
/// Checks of a resource policy: it must be a JSON policy document (Statement, Effect Allow/Deny, Principal, Action), and a
/// statement that allows the "*" principal without a Condition counts as public (broad) access.
/// </summary>
internal sealed class PolicyDocument
{
    private readonly JsonObject _root;

    private PolicyDocument(JsonObject root) => _root = root;

    /// <summary>Parses the text; anything that isn't a JSON object is MalformedPolicyDocumentException.</summary>
    public static PolicyDocument Parse(string text)
    {
        try
        {
            if (JsonNode.Parse(text) is JsonObject root) return new PolicyDocument(root);
        }
        catch (JsonException)
        {
            // Reported below with AWS's error code.
        }
        throw new ServiceException(ErrorCodes.MalformedPolicyDocument, "This resource policy contains a syntax error: it is not a JSON object.");
    }

    /// <summary>Grammar problems of the document, empty when it is well formed.</summary>
    public List<string> SyntaxErrors()
    {
        var errors = new List<string>();
        if (_root["Version"] is { } version && version.GetValueKind() == JsonValueKind.String
            && version.GetValue<string>() is not ("2012-10-17" or "2008-10-17"))
            errors.Add("The policy Version must be 2012-10-17 or 2008-10-17.");
        var statements = Statements().ToList();
        if (statements.Count == 0) errors.Add("The policy must contain at least one Statement.");
        foreach (var s in statements)
        {
            if (s is null)
            {
                errors.Add("Each Statement must be a JSON object.");
                continue;
            }
            var effect = s["Effect"]?.GetValueKind() == JsonValueKind.String ? s["Effect"]!.GetValue<string>() : null;
            if (effect is not ("Allow" or "Deny")) errors.Add("Each Statement needs an Effect of Allow or Deny.");
            if (s["Action"] is null && s["NotAction"] is null) errors.Add("Each Statement needs an Action or NotAction.");
            if (s["Principal"] is null && s["NotPrincipal"] is null) errors.Add("A resource policy Statement needs a Principal or NotPrincipal.");
        }
        return errors;
    }

    /// <summary>True when some Allow statement grants access to every principal ("*") with no Condition.</summary>
    public bool GrantsPublicAccess() => Statements().Any(s =>
        s is not null && s["Effect"]?.GetValueKind() == JsonValueKind.String && s["Effect"]!.GetValue<string>() == "Allow"
        && s["Condition"] is null && IsWildcardPrincipal(s["Principal"]));

    private IEnumerable<JsonObject?> Statements() => _root["Statement"] switch
    {
        JsonObject single => [single],
        JsonArray many => many.Select(n => n as JsonObject),
        _ => [],
    };

    private static bool IsWildcardPrincipal(JsonNode? principal) => principal switch
    {
        JsonValue v => v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == "*",
        JsonObject o => o.Any(kv => IsWildcardPrincipal(kv.Value)),
        JsonArray a => a.Any(IsWildcardPrincipal),
        _ => false,
    };
}
