using System;
using System.Text.RegularExpressions;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;

namespace SecretsManager.Engine.Internal
{
    /// <summary>Region: the Region option, then AWS_REGION, then AWS_DEFAULT_REGION, then the profile's region.</summary>
    internal static class RegionResolver
    {
        /// <summary>The longest region name: one DNS label.</summary>
        public const int MaxRegionLength = 63;

        private static readonly Regex RegionPattern = new Regex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant);

        public static ResolvedSetting<string> Resolve(SecretsManagerClientOptions options, ProfileContext profile)
        {
            ResolvedSetting<string> region =
                FromValue(options.Region, "the Region option") ??
                FromValue(Environment.GetEnvironmentVariable("AWS_REGION"), "environment variable AWS_REGION") ??
                FromValue(Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION"), "environment variable AWS_DEFAULT_REGION") ??
                FromValue(profile.Profile?.Region?.SystemName, $"profile '{profile.Name}'");

            if (region == null)
            {
                profile.ThrowIfMissing();
                throw new SecretsManagerConfigurationException(
                    $"No AWS region: pass {(options.ParameterNames ?? ConnectionParameterNames.Default).Region}, set AWS_REGION or AWS_DEFAULT_REGION, or set region in the profile " +
                    $"('{profile.Name}' in {ProfileContext.ConfigFilePath}).");
            }
            if (!RegionPattern.IsMatch(region.Value))
            {
                throw new SecretsManagerConfigurationException(
                    $"'{region.Value}' (from {region.Source}) is not a valid AWS region name; use a name such as us-east-1.");
            }
            // AWS's endpoint rules put the region into a host name as one DNS label, which holds at most 63 characters.
            if (region.Value.Length > MaxRegionLength)
            {
                throw new SecretsManagerConfigurationException(
                    $"'{region.Value}' (from {region.Source}) is {region.Value.Length} characters long; a region name is a DNS label of at most {MaxRegionLength} characters, such as us-east-1.");
            }
            return region;
        }

        private static ResolvedSetting<string> FromValue(string value, string source) =>
            string.IsNullOrWhiteSpace(value) ? null : new ResolvedSetting<string>(value.Trim(), source);
    }
}
