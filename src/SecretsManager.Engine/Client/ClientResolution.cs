namespace SecretsManager.Engine.Client
{
    /// <summary>
    /// Where a client's settings came from, in words meant for -Debug output. Holds no secret values:
    /// credentials are described by their source (and at most the access key id's last characters), never shown.
    /// </summary>
    public sealed class ClientResolution
    {
        /// <summary>Creates a description of a client's resolved settings.</summary>
        public ClientResolution(string region, string regionSource, string credentialSource, string endpoint, string endpointSource, string credentialIdentity = null)
        {
            CredentialIdentity = credentialIdentity ?? credentialSource;
            Region = region;
            RegionSource = regionSource;
            CredentialSource = credentialSource;
            Endpoint = endpoint;
            EndpointSource = endpointSource;
        }

        /// <summary>The region requests are signed for, e.g. us-east-1.</summary>
        public string Region { get; }

        /// <summary>Where the region came from, e.g. "-Region parameter", "environment variable AWS_REGION".</summary>
        public string RegionSource { get; }

        /// <summary>Where the credentials came from, e.g. "profile 'dev' in the shared config files".</summary>
        public string CredentialSource { get; }

        /// <summary>
        /// An opaque token that tells one set of credentials from another (a hash of the access key id, or the
        /// source that supplies them), so the read cache never shares an entry between identities. Never a key.
        /// </summary>
        public string CredentialIdentity { get; }

        /// <summary>The service endpoint requests go to.</summary>
        public string Endpoint { get; }

        /// <summary>Where the endpoint came from, e.g. "-EndpointUrl parameter", "regional endpoint".</summary>
        public string EndpointSource { get; }

        /// <summary>One line per setting, suitable for WriteDebug.</summary>
        public override string ToString() =>
            $"Region: {Region} (from {RegionSource}); Credentials: {CredentialSource}; Endpoint: {Endpoint} (from {EndpointSource})";
    }
}
