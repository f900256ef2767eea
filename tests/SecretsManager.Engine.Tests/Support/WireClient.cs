using Amazon.Runtime;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Internal;

namespace SecretsManager.Engine.Tests.Support;

/// <summary>Builds engine clients whose HTTP goes to a scripted handler instead of the network.</summary>
public static class WireClient
{
    public const string AccessKey = "AKIDEXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public const string Region = "us-west-2";
    public const string Endpoint = "https://secretsmanager.us-west-2.amazonaws.com";

    public static ISecretsManagerClient Create(ScriptedHttpHandler handler, int? maxErrorRetry = null)
    {
        var options = new SecretsManagerClientOptions
        {
            Region = Region,
            AccessKeyId = AccessKey,
            SecretAccessKey = SecretKey,
            EndpointUrl = Endpoint,
        };
        return ClientBuilder.Build(options, ownedByCache: false, config =>
        {
            config.HttpClientFactory = new ScriptedHttpClientFactory(handler);
            if (maxErrorRetry.HasValue) { config.MaxErrorRetry = maxErrorRetry.Value; }
        });
    }
}
