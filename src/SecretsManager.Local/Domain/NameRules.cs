using SecretsManager.Local.Protocol;

namespace SecretsManager.Local.Domain;

/// <summary>Secret names: 1–512 characters of A-Za-z0-9 and /_+=.@-.</summary>
internal static class NameRules
{
    public static bool IsValid(string name) =>
        name.Length is >= 1 and <= 512 && name.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
            or '/' or '_' or '+' or '=' or '.' or '@' or '-');

    public static void Validate(string name)
    {
        if (!IsValid(name))
            throw ServiceException.Validation("Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!");
    }
}
