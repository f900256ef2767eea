using System;

namespace SecretsManager.Conversion
{
    /// <summary>
    /// Reads the secret name out of a Secrets Manager ARN, for results where the API returns only the ARN
    /// (arn:aws:secretsmanager:region:account:secret:name-AbCdEf).
    /// </summary>
    internal static class SecretArn
    {

        public static bool IsArn(string secretId) =>
            secretId != null && secretId.StartsWith("arn:", StringComparison.OrdinalIgnoreCase);

        /// <summary>The name in a full ARN; the id itself when it is not an ARN; null when it can't be told.</summary>
        public static string NameOf(string secretIdOrArn)
        {
            // One rule for the whole module: the engine's, which the copy's listing filter uses too.
            return string.IsNullOrEmpty(secretIdOrArn) ? null : SecretsManager.Engine.Conversion.ArnParts.SecretNamePrefix(secretIdOrArn);
        }

        /// <summary>The region in an ARN (arn:partition:secretsmanager:REGION:account:secret:name), else null.</summary>
        public static string RegionOf(string secretId)
        {
            if (!IsArn(secretId)) return null;
            string[] parts = secretId.Split(':');
            return parts.Length > 3 && parts[3].Length > 0 ? parts[3] : null;
        }

        /// <summary>The id when it is an ARN, otherwise null.</summary>
        public static string ArnOf(string secretId) => IsArn(secretId) ? secretId : null;

        /// <summary>The name the service answered with, else what the ARN or the id itself says.</summary>
        public static string NameOf(string secretId, string answeredName, string answeredArn) => answeredName ?? NameOf(answeredArn ?? secretId);

        /// <summary>The ARN the service answered with, else the id when it is an ARN.</summary>
        public static string ArnOf(string secretId, string answeredArn) => answeredArn ?? ArnOf(secretId);
    }
}
