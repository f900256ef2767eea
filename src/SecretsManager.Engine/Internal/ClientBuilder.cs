using System;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Internal;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Internal.Sdk;

namespace SecretsManager.Engine.Internal
{
    /// <summary>Resolves profile, region, credentials and endpoint, then builds the SDK client behind the engine client.</summary>
    internal static class ClientBuilder
    {
        private static readonly object SdkSettingsLock = new object();

        /// <param name="options">What the caller asked for.</param>
        /// <param name="ownedByCache">True for clients handed out by the factory's cache (Dispose is then a no-op).</param>
        /// <param name="customizeConfig">Test seam: adjusts the SDK configuration (e.g. an HTTP handler that captures requests).</param>
        public static ISecretsManagerClient Build(SecretsManagerClientOptions options, bool ownedByCache, Action<ClientConfig> customizeConfig = null)
        {
            EmptyEndpointVariables.Clear();
            ProfileContext profile = ProfileContext.Resolve(options);
            ResolvedSetting<string> region = RegionResolver.Resolve(options, profile);
            ResolvedSetting<string> endpoint = EndpointResolution.Resolve(options, region.Value, profile);

            SecretsManagerServiceConfig config;
            lock (SdkSettingsLock)
            {
                // The SDK caches AWS_RETRY_MODE, AWS_MAX_ATTEMPTS, defaults_mode and similar settings (from the
                // environment and the AWS_PROFILE/default profile) once per process; re-read them for this client.
                FallbackInternalConfigurationFactory.Reset();
                config = new SecretsManagerServiceConfig();
            }
            if (profile.Profile != null)
            {
                // Lets the SDK read the profile's own settings; set first so that everything below wins over it.
                config.Profile = new Amazon.Profile(profile.Name);
            }
            ApplyProfileRetrySettings(config, profile);
            config.ServiceURL = endpoint.Value;
            config.AuthenticationRegion = region.Value;
            // Bodies carry secret values: the SDK must never log them, whatever AWSConfigs says globally.
            config.LogResponse = false;
            config.LogMetrics = false;
            config.DisableLogging = true;
            // Synchronous calls send on the calling thread (a test seam below may still replace it).
            config.HttpClientFactory = CallingThreadHttpClientFactory.Instance;

            customizeConfig?.Invoke(config);

            ResolvedSetting<AWSCredentials> credentials = CredentialResolver.Resolve(
                options, profile, () => DefaultAWSCredentialsIdentityResolver.GetCredentials(config));

            var resolution = new ClientResolution(region.Value, region.Source, credentials.Source, endpoint.Value, endpoint.Source,
                CredentialResolver.IdentityOf(options, credentials));
            SecretsManagerServiceClient sdkClient;
            try
            {
                sdkClient = new SecretsManagerServiceClient(credentials.Value, config);
            }
            catch (AmazonClientException e)
            {
                // No AWSSDK exception leaves the engine: what the SDK refuses here is configuration.
                throw new SecretsManagerConfigurationException($"The Secrets Manager client could not be created: {e.Message}", e);
            }
            return new SecretsManagerClient(sdkClient, credentials.Value, resolution, ownedByCache);
        }

        /// <summary>
        /// retry_mode and max_attempts of a profile named by the ProfileName option (the SDK itself only reads the
        /// AWS_PROFILE/default profile). The environment variables still win, as in every AWS SDK.
        /// </summary>
        private static void ApplyProfileRetrySettings(ClientConfig config, ProfileContext profile)
        {
            if (profile.Profile == null) { return; }
            if (profile.Profile.RetryMode.HasValue && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_RETRY_MODE")))
            {
                config.RetryMode = profile.Profile.RetryMode.Value;
            }
            if (profile.Profile.MaxAttempts.HasValue && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_MAX_ATTEMPTS")))
            {
                config.MaxErrorRetry = Math.Max(0, profile.Profile.MaxAttempts.Value - 1);
            }
        }
    }
}
