using System.Text.RegularExpressions;
using SecretsManager.Local.Protocol;

namespace SecretsManager.Local.Domain;

/// <summary>
/// The RotateSecret members of managed external secrets: the partner's rotation metadata and the IAM role that lets
/// Secrets Manager rotate through the partner. Lengths are checked by the model validation before this runs.
/// </summary>
internal static partial class ExternalRotation
{
    /// <summary>An IAM role ARN: arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME, with IAM's name characters.</summary>
    [GeneratedRegex(@"^arn:aws(-[a-z]+)*:iam::\d{12}:role/[\w+=,.@/-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArnRule();

    public static void ValidateRoleArn(string roleArn)
    {
        if (!RoleArnRule().IsMatch(roleArn))
            throw ServiceException.InvalidParameter(
                $"ExternalSecretRotationRoleArn '{roleArn}' is not an IAM role ARN (arn:aws:iam::123456789012:role/NAME).");
    }

    /// <summary>The metadata as given, or null when the request has none. A key given twice is refused.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>>? ReadMetadata(RequestReader request)
    {
        var items = request.StructureList("ExternalSecretRotationMetadata");
        if (items is null) return null;
        var metadata = new List<KeyValuePair<string, string>>();
        foreach (var item in items)
        {
            var key = item.String("Key");
            var value = item.String("Value");
            if (key is null || value is null)
                throw ServiceException.InvalidParameter("Each ExternalSecretRotationMetadata item needs a Key and a Value.");
            if (metadata.Any(m => m.Key == key))
                throw ServiceException.InvalidParameter($"ExternalSecretRotationMetadata has the key '{key}' more than once.");
            metadata.Add(new KeyValuePair<string, string>(key, value));
        }
        return metadata;
    }
}
