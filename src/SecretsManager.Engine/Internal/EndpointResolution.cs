using System;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;

namespace SecretsManager.Engine.Internal
{
    /// <summary>
    /// Endpoint: the EndpointUrl option; then (unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS / ignore_configured_endpoint_urls)
    /// AWS_ENDPOINT_URL_SECRETS_MANAGER, AWS_ENDPOINT_URL, the profile's services section and its endpoint_url, as the AWS SDKs do;
    /// then the regional endpoint, or its FIPS variant when asked (option, AWS_USE_FIPS_ENDPOINT or use_fips_endpoint).
    /// </summary>
    internal static class EndpointResolution
    {
        public static ResolvedSetting<string> Resolve(SecretsManagerClientOptions options, string region, ProfileContext profile)
        {
            if (!string.IsNullOrWhiteSpace(options.EndpointUrl))
            {
                return Validate(options.EndpointUrl, "the EndpointUrl option");
            }

            bool ignoreConfigured = IsTrue(Environment.GetEnvironmentVariable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")) ||
                                    profile.Profile?.IgnoreConfiguredEndpointUrls == true;
            if (!ignoreConfigured)
            {
                foreach (string name in new[] { "AWS_ENDPOINT_URL_SECRETS_MANAGER", "AWS_ENDPOINT_URL" })
                {
                    string value = Environment.GetEnvironmentVariable(name);
                    if (!string.IsNullOrWhiteSpace(value)) { return Validate(value, "environment variable " + name); }
                }
                string servicesSection = profile.Profile?.Services;
                string serviceEndpoint = SharedConfigReader.ReadEndpointUrl(ProfileContext.ConfigFilePath, servicesSection);
                if (!string.IsNullOrWhiteSpace(serviceEndpoint))
                {
                    return Validate(serviceEndpoint, $"secrets_manager endpoint_url in [services {servicesSection}] of profile '{profile.Name}'");
                }
                string profileEndpoint = profile.Profile == null ? null
                    : profile.Profile.EndpointUrl ?? SharedConfigReader.ReadProfileValue(ProfileContext.ConfigFilePath, profile.Name, "endpoint_url");
                if (!string.IsNullOrWhiteSpace(profileEndpoint))
                {
                    return Validate(profileEndpoint, $"endpoint_url of profile '{profile.Name}'");
                }
            }

            string fipsSource =
                options.UseFipsEndpoint ? "the UseFipsEndpoint option" :
                IsTrue(Environment.GetEnvironmentVariable("AWS_USE_FIPS_ENDPOINT")) ? "environment variable AWS_USE_FIPS_ENDPOINT" :
                profile.Profile?.UseFIPSEndpoint == true ? $"use_fips_endpoint of profile '{profile.Name}'" :
                null;
            string host = fipsSource == null ? "secretsmanager" : "secretsmanager-fips";
            string url = $"https://{host}.{region}.{DnsSuffix(region)}";
            return new ResolvedSetting<string>(url, fipsSource == null ? "the regional endpoint" : "the regional FIPS endpoint, requested by " + fipsSource);
        }

        /// <summary>The partition's DNS suffix: China and the isolated partitions differ from amazonaws.com.</summary>
        internal static string DnsSuffix(string region)
        {
            if (region.StartsWith("cn-", StringComparison.Ordinal)) { return "amazonaws.com.cn"; }
            if (region.StartsWith("us-isob-", StringComparison.Ordinal)) { return "sc2s.sgov.gov"; }
            if (region.StartsWith("us-iso-", StringComparison.Ordinal)) { return "c2s.ic.gov"; }
            return "amazonaws.com";
        }

        private static ResolvedSetting<string> Validate(string value, string source)
        {
            string trimmed = value.Trim();
            if (!Uri.TryCreate(trimmed, UriKind.Absolute, out Uri uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new SecretsManagerConfigurationException(
                    $"The endpoint URL '{trimmed}' (from {source}) is not an absolute http:// or https:// URL, e.g. https://secretsmanager.us-east-1.amazonaws.com.");
            }
            return new ResolvedSetting<string>(trimmed.TrimEnd('/'), source);
        }

        private static bool IsTrue(string value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
    }
}
