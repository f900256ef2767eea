using Amazon.Runtime;

namespace SecretsManager.Engine.Tests.Support;

/// <summary>Hands the SDK an HttpClient over a <see cref="ScriptedHttpHandler"/>.</summary>
public sealed class ScriptedHttpClientFactory : HttpClientFactory
{
    private readonly HttpMessageHandler _handler;

    public ScriptedHttpClientFactory(HttpMessageHandler handler) => _handler = handler;

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(_handler, disposeHandler: false);

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
}
