using System;

namespace SecretsManager.Engine.Conversion
{
    /// <summary>
    /// The fields of an ARN, <c>arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE</c>: what a copy between accounts needs
    /// to tell the two sides apart and to rewrite a policy for the other account.
    /// </summary>
    public sealed class ArnParts
    {
        private const string SecretMarker = "secret:";
        private const int SuffixLength = 7; // '-' and the six random characters AWS appends to a secret's name

        private ArnParts(string partition, string service, string region, string accountId, string resource)
        {
            Partition = partition;
            Service = service;
            Region = region;
            AccountId = accountId;
            Resource = resource;
        }

        /// <summary>aws, aws-cn, aws-us-gov, ...</summary>
        public string Partition { get; }

        /// <summary>The service, e.g. secretsmanager.</summary>
        public string Service { get; }

        /// <summary>The region; empty for global resources such as IAM roles.</summary>
        public string Region { get; }

        /// <summary>The 12-digit account id; empty where the ARN has none.</summary>
        public string AccountId { get; }

        /// <summary>What follows the account, e.g. secret:app/db-AbCdEf.</summary>
        public string Resource { get; }

        /// <summary>The parts of <paramref name="arn"/>, or null when it is not an ARN.</summary>
        public static ArnParts Parse(string arn)
        {
            if (arn == null || !arn.StartsWith("arn:", StringComparison.Ordinal)) return null;
            string[] parts = arn.Split(new[] { ':' }, 6);
            return parts.Length == 6 ? new ArnParts(parts[1], parts[2], parts[3], parts[4], parts[5]) : null;
        }

        /// <summary>
        /// The start of the secret's name a secret id gives for sure: the name itself, or the name in an ARN without
        /// what may be its random suffix (a partial ARN has none, and a name may end like one: the shorter text is a
        /// prefix of the name either way). Null for an ARN that names no secret.
        /// </summary>
        public static string SecretNamePrefix(string secretId)
        {
            if (secretId == null) return null;
            if (!secretId.StartsWith("arn:", StringComparison.Ordinal)) return secretId;
            var parts = Parse(secretId);
            if (parts == null || !parts.Resource.StartsWith(SecretMarker, StringComparison.Ordinal)) return null;
            string tail = parts.Resource.Substring(SecretMarker.Length);
            bool mayHaveSuffix = tail.Length > SuffixLength && tail[tail.Length - SuffixLength] == '-';
            return mayHaveSuffix ? tail.Substring(0, tail.Length - SuffixLength) : tail;
        }

        /// <summary>True when <paramref name="secretId"/> names this secret: by its name, its ARN or its partial ARN.</summary>
        public static bool NamesSecret(string secretId, string name, string arn)
        {
            if (secretId == null) return false;
            if (string.Equals(secretId, name, StringComparison.Ordinal) || string.Equals(secretId, arn, StringComparison.Ordinal)) return true;
            return arn != null && secretId.StartsWith("arn:", StringComparison.Ordinal)
                && arn.Length == secretId.Length + SuffixLength && arn.StartsWith(secretId + "-", StringComparison.Ordinal);
        }
    }
}
