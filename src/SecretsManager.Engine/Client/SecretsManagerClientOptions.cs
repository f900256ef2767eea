using System;

namespace SecretsManager.Engine.Client
{
    /// <summary>
    /// How to build a client. Every setting is optional: anything not given comes from the environment and
    /// the shared AWS config files, as in the AWS CLI. Two options objects with the same values are equal, so
    /// they can key a client cache.
    /// </summary>
    public sealed class SecretsManagerClientOptions : IEquatable<SecretsManagerClientOptions>
    {
        /// <summary>The region, e.g. us-east-1. Otherwise AWS_REGION, AWS_DEFAULT_REGION, then the profile's region.</summary>
        public string Region { get; set; }

        /// <summary>A profile in the shared config/credentials files. Otherwise AWS_PROFILE, then "default".</summary>
        public string ProfileName { get; set; }

        /// <summary>An access key id; used together with <see cref="SecretAccessKey"/> and overrides any profile.</summary>
        public string AccessKeyId { get; set; }

        /// <summary>The secret access key that goes with <see cref="AccessKeyId"/>. Never printed.</summary>
        public string SecretAccessKey { get; set; }

        /// <summary>An optional session token for temporary credentials. Never printed.</summary>
        public string SessionToken { get; set; }

        /// <summary>An endpoint URL that overrides the regional endpoint (e.g. http://127.0.0.1:4566).</summary>
        public string EndpointUrl { get; set; }

        /// <summary>Use the FIPS endpoint of the region (secretsmanager-fips.&lt;region&gt;.amazonaws.com).</summary>
        public bool UseFipsEndpoint { get; set; }

        /// <summary>
        /// The caller's names for these settings' parameters, which configuration errors tell the user to set; null
        /// for <see cref="ConnectionParameterNames.Default"/>. Not a setting: it is not part of equality.
        /// </summary>
        public ConnectionParameterNames ParameterNames { get; set; }

        /// <summary>A copy, so a cached client is not affected when the caller changes its options object later.</summary>
        public SecretsManagerClientOptions Clone() => (SecretsManagerClientOptions)MemberwiseClone();

        /// <summary>True when every setting is equal (strings compare ordinally).</summary>
        public bool Equals(SecretsManagerClientOptions other) =>
            other != null &&
            string.Equals(Region, other.Region, StringComparison.Ordinal) &&
            string.Equals(ProfileName, other.ProfileName, StringComparison.Ordinal) &&
            string.Equals(AccessKeyId, other.AccessKeyId, StringComparison.Ordinal) &&
            string.Equals(SecretAccessKey, other.SecretAccessKey, StringComparison.Ordinal) &&
            string.Equals(SessionToken, other.SessionToken, StringComparison.Ordinal) &&
            string.Equals(EndpointUrl, other.EndpointUrl, StringComparison.Ordinal) &&
            UseFipsEndpoint == other.UseFipsEndpoint;

        /// <inheritdoc/>
        public override bool Equals(object obj) => Equals(obj as SecretsManagerClientOptions);

        /// <inheritdoc/>
        public override int GetHashCode()
        {
            unchecked
            {
                int hash = 17;
                foreach (string value in new[] { Region, ProfileName, AccessKeyId, SecretAccessKey, SessionToken, EndpointUrl })
                {
                    hash = (hash * 31) + (value == null ? 0 : StringComparer.Ordinal.GetHashCode(value));
                }
                return (hash * 31) + (UseFipsEndpoint ? 1 : 0);
            }
        }

        /// <summary>The settings that are set, with the secret key and session token redacted.</summary>
        public override string ToString() =>
            $"Region={Region ?? "(unset)"}, ProfileName={ProfileName ?? "(unset)"}, AccessKeyId={(AccessKeyId == null ? "(unset)" : "(set)")}, " +
            $"SecretAccessKey={(SecretAccessKey == null ? "(unset)" : "(redacted)")}, SessionToken={(SessionToken == null ? "(unset)" : "(redacted)")}, " +
            $"EndpointUrl={EndpointUrl ?? "(unset)"}, UseFipsEndpoint={UseFipsEndpoint}";
    }
}
