namespace SecretsManager.Local.Rotation;

/// <summary>
/// The built-in stand-in for the partner of a managed external secret: no partner is reachable here, so rotation puts
/// a new random value into the JSON key the partner would issue anew, keeping every other key.
/// </summary>
internal static class PartnerStandIn
{
    // Only keys AWS's partner pages document as the rotated credential; any other type gets 'password'.
    private static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        ["SalesforceClientSecret"] = "consumerSecret",
    };

    public static string RotatedKey(string partnerType) => Keys.TryGetValue(partnerType, out var key) ? key : "password";
}
