using System.Linq;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Workflows.Copying
{
    /// <summary>One version's value, held in memory between the plan and the copy; its text is never shown.</summary>
    internal sealed class CopyValue
    {
        private CopyValue(string versionId, string secretString, byte[] secretBinary)
        {
            VersionId = versionId;
            SecretString = secretString;
            SecretBinary = secretBinary;
        }

        /// <summary>The version that holds the value; on the source side, also the destination's ClientRequestToken.</summary>
        public string VersionId { get; }

        public string SecretString { get; }

        public byte[] SecretBinary { get; }

        public static CopyValue From(GetSecretValueResponse response) =>
            response == null ? null : new CopyValue(response.VersionId, response.SecretString, response.SecretBinary);

        /// <summary>True when both hold the same text, or the same bytes.</summary>
        public bool SameValueAs(CopyValue other)
        {
            if (other == null) return false;
            if (SecretBinary != null || other.SecretBinary != null)
            {
                return SecretBinary != null && other.SecretBinary != null && SecretBinary.SequenceEqual(other.SecretBinary) && SecretString == other.SecretString;
            }
            return string.Equals(SecretString, other.SecretString, System.StringComparison.Ordinal);
        }

        /// <summary>The version only: never the value.</summary>
        public override string ToString() => $"version {VersionId}";
    }
}
