using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace SecretsManager.Commands
{
    /// <summary>
    /// Completes -Type with the secret types of AWS's managed external secret partners, as the user guide's
    /// "Managed external secrets Partners" page lists them. The model makes Type a free string, so others are accepted.
    /// </summary>
    public sealed class ManagedExternalSecretTypeCompleter : IArgumentCompleter
    {
        internal static readonly string[] Types =
        {
            "BigIDClientSecret", "CiscoSecurityPlatformApiKey", "ConfluentCloudApiKey", "DatabricksPAT", "DatabricksSPSecret",
            "DatadogAdminKey", "DatadogApiKey", "DatadogApplicationKey", "GitLabAccessToken", "JenkinsApiToken",
            "MongoDBAtlasDatabaseUser", "MongoDBAtlasServiceAccount", "NetskopeApiToken", "PaddleApiKey", "SalesforceClientSecret",
            "SnowflakeKeyPairAuthentication", "SnowflakePat",
        };

        /// <inheritdoc/>
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) => ValueCompletion.StartingWith(Types, wordToComplete);
    }
}
