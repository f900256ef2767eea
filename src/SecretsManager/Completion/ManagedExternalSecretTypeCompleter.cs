namespace SecretsManager.Completion
{
    /// <summary>
    /// Completes -Type with the secret types of AWS's managed external secret partners, as the user guide's
    /// "Managed external secrets Partners" page lists them. The model makes Type a free string, so others are accepted.
    /// </summary>
    public sealed class ManagedExternalSecretTypeCompleter : ValueListCompleter
    {
        internal static readonly string[] Types =
        {
            "BigIDClientSecret", "CiscoSecurityPlatformApiKey", "ConfluentCloudApiKey", "DatabricksPAT", "DatabricksSPSecret",
            "DatadogAdminKey", "DatadogApiKey", "DatadogApplicationKey", "GitLabAccessToken", "JenkinsApiToken",
            "MongoDBAtlasDatabaseUser", "MongoDBAtlasServiceAccount", "NetskopeApiToken", "PaddleApiKey", "SalesforceClientSecret",
            "SnowflakeKeyPairAuthentication", "SnowflakePat",
        };

        /// <summary>Completes with the documented partner types.</summary>
        public ManagedExternalSecretTypeCompleter() : base(Types) { }
    }
}
