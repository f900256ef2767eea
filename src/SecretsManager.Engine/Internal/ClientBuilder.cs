using System;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using SecretsManager.Engine.Internal.Sdk;

namespace SecretsManager.Engine.Internal
{
    /// <summary>Resolves profile, region, credentials and endpoint, then builds the SDK client behind the engine client.</summary>
    internal static class ClientBuilder
    {
        /// <param name="options">What the caller asked for.</param>
        /// <param name="ownedByCache">True for clients handed out by the factory's cache (Dispose is then a no-op).</param>
        /// <param name="customizeConfig">Test seam: adjusts the SDK configuration (e.g. an HTTP handler that captures requests).</param>
        public static ISecretsManagerClient Build(SecretsManagerClientOptions options, bool ownedByCache, Action<ClientConfig> customizeConfig = null)
        {
            ProfileContext profile = ProfileContext.Resolve(options);
            ResolvedSetting<string> region = RegionResolver.Resolve(options, profile);
            ResolvedSetting<string> endpoint = EndpointResolution.Resolve(options, region.Value, profile);

            var config = new SecretsManagerServiceConfig();
            if (profile.Profile != null)
            {
                // Lets the SDK read retry_mode, max_attempts and similar settings from the profile in use.
                // Set first: the endpoint and region below must win over anything the profile implies.
                config.Profile = new Amazon.Profile(profile.Name);
            }
            config.ServiceURL = endpoint.Value;
            config.AuthenticationRegion = region.Value;
            // Bodies carry secret values: the SDK must never log them, whatever AWSConfigs says globally.
            config.LogResponse = false;
            config.LogMetrics = false;
            config.DisableLogging = true;

            customizeConfig?.Invoke(config);

            ResolvedSetting<AWSCredentials> credentials = CredentialResolver.Resolve(
                options, profile, () => DefaultAWSCredentialsIdentityResolver.GetCredentials(config));

            var resolution = new ClientResolution(region.Value, region.Source, credentials.Source, endpoint.Value, endpoint.Source);
            var sdkClient = new SecretsManagerServiceClient(credentials.Value, config);
            return new SecretsManagerClient(sdkClient, resolution, ownedByCache);
        }
    }
}
