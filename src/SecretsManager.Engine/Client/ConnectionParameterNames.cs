namespace SecretsManager.Engine.Client
{
    /// <summary>
    /// The names of the caller's parameters for each connection setting, which the configuration errors tell the user
    /// to set ("No AWS region: pass -Region, ..."). A cmdlet with a second connection (a copy's destination) names
    /// its own parameters for it.
    /// </summary>
    public sealed class ConnectionParameterNames
    {
        /// <summary>The cmdlets' usual names: -Region, -ProfileName, -Credential, -EndpointUrl.</summary>
        public static readonly ConnectionParameterNames Default = new ConnectionParameterNames("-Region", "-ProfileName", "-Credential", "-EndpointUrl");

        /// <summary>Names each setting's parameter, as the user types it (with its dash).</summary>
        public ConnectionParameterNames(string region, string profileName, string credential, string endpointUrl)
        {
            Region = region;
            ProfileName = profileName;
            Credential = credential;
            EndpointUrl = endpointUrl;
        }

        /// <summary>The region's parameter, e.g. -Region.</summary>
        public string Region { get; }

        /// <summary>The profile's parameter, e.g. -ProfileName.</summary>
        public string ProfileName { get; }

        /// <summary>The credentials' parameter, e.g. -Credential.</summary>
        public string Credential { get; }

        /// <summary>The endpoint's parameter, e.g. -EndpointUrl.</summary>
        public string EndpointUrl { get; }
    }
}
