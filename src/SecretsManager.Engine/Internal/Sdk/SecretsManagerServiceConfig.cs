using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace SecretsManager.Engine.Internal.Sdk
{
    /// <summary>
    /// The SDK client configuration for Secrets Manager. The endpoint is always resolved by the engine beforehand
    /// (see <see cref="EndpointResolution"/>) and handed over as ServiceURL, so the SDK never guesses one.
    /// </summary>
    internal sealed class SecretsManagerServiceConfig : ClientConfig
    {
        public const string SigningName = "secretsmanager";
        public const string ServiceIdName = "Secrets Manager";
        public const string ApiVersion = "2017-10-17";

        private static readonly string UserAgentText = "SecretsManager.PowerShell/" + typeof(SecretsManagerServiceConfig).Assembly.GetName().Version;

        public SecretsManagerServiceConfig()
            : base(new DefaultConfigurationProvider(SdkDefaultConfigurations.All))
        {
            AuthenticationServiceName = SigningName;
            ServiceId = ServiceIdName;
        }

        public override string RegionEndpointServiceName => SigningName;

        public override string ServiceVersion => ApiVersion;

        public override string UserAgent => UserAgentText;

        /// <summary>Every operation goes to the one endpoint resolved for this client.</summary>
        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) => new Endpoint(ServiceURL);
    }
}
