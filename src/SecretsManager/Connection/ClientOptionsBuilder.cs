using System.Management.Automation;
using SecretsManager.Engine.Client;

namespace SecretsManager.Connection
{
    /// <summary>Turns the shared connection parameters into engine client options (used by cmdlets and completers).</summary>
    internal static class ClientOptionsBuilder
    {
        public static SecretsManagerClientOptions Build(string region, string profileName, PSCredential credential, string endpointUrl)
        {
            var options = new SecretsManagerClientOptions
            {
                Region = string.IsNullOrEmpty(region) ? null : region,
                ProfileName = string.IsNullOrEmpty(profileName) ? null : profileName,
                EndpointUrl = string.IsNullOrEmpty(endpointUrl) ? null : endpointUrl,
            };
            if (credential != null && credential != PSCredential.Empty)
            {
                options.AccessKeyId = credential.UserName;
                options.SecretAccessKey = credential.GetNetworkCredential().Password;
                options.SessionToken = SessionTokenStore.Get(credential);
            }
            return options;
        }
    }
}
