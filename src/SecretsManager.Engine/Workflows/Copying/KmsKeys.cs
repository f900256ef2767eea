using System;

namespace SecretsManager.Engine.Workflows.Copying
{
    /// <summary>
    /// Which KMS key a copy is encrypted under. A key id or key ARN names a key of the source's account and region,
    /// which the destination can't use; the default key (aws/secretsmanager) and an alias are names each account has
    /// its own of, so they carry over.
    /// </summary>
    public static class KmsKeys
    {
        /// <summary>The alias of the AWS managed key Secrets Manager uses when a secret names none.</summary>
        public const string DefaultAlias = "alias/aws/secretsmanager";

        /// <summary>True for no key, the default alias, or the default alias's ARN: the account's default key.</summary>
        public static bool IsDefault(string keyId) =>
            string.IsNullOrEmpty(keyId) || string.Equals(Canonical(keyId), DefaultAlias, StringComparison.Ordinal);

        /// <summary>
        /// True when both name the same key: both the default, or the same key or alias whether given as an id, a
        /// name or an ARN (the service may answer with the ARN of what was sent).
        /// </summary>
        public static bool Same(string a, string b)
        {
            if (IsDefault(a) || IsDefault(b)) return IsDefault(a) && IsDefault(b);
            return string.Equals(Canonical(a), Canonical(b), StringComparison.Ordinal);
        }

        /// <summary>
        /// The key the copy should be encrypted under: <paramref name="destinationKmsKeyId"/> when given; otherwise the
        /// source's, when it carries over (the default key, or an alias). Null in <paramref name="expected"/> means the
        /// default key. False when the source's key can't be used in the destination and none was given. Without
        /// <paramref name="destinationKmsKeyId"/> this is the key of a new copy only: an existing copy keeps its own.
        /// </summary>
        public static bool TryExpected(string sourceKeyId, string destinationKmsKeyId, out string expected)
        {
            expected = null;
            if (!string.IsNullOrEmpty(destinationKmsKeyId))
            {
                if (!IsDefault(destinationKmsKeyId)) expected = destinationKmsKeyId;
                return true;
            }
            if (IsDefault(sourceKeyId)) return true;
            string canonical = Canonical(sourceKeyId);
            if (!canonical.StartsWith("alias/", StringComparison.Ordinal)) return false;
            expected = canonical;
            return true;
        }

        // "key/<id>" or "alias/<name>", from an ARN (arn:...:kms:region:account:key/id), a bare key id or an alias name.
        private static string Canonical(string keyId)
        {
            string text = keyId.Trim();
            text = Conversion.ArnParts.Parse(text)?.Resource ?? text;
            return text.StartsWith("alias/", StringComparison.Ordinal) || text.StartsWith("key/", StringComparison.Ordinal) ? text : "key/" + text;
        }
    }
}
