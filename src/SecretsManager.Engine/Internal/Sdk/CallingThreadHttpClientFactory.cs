using System.Net;
using System.Net.Http;
using Amazon.Runtime;

namespace SecretsManager.Engine.Internal.Sdk
{
    /// <summary>
    /// The SDK's HttpClient, as its own factory makes it (an HttpClientHandler with the config's redirect, connection
    /// limit and proxy settings), behind <see cref="CallingThreadHandler"/>.
    /// </summary>
    internal sealed class CallingThreadHttpClientFactory : HttpClientFactory
    {
        public static readonly CallingThreadHttpClientFactory Instance = new CallingThreadHttpClientFactory();

        public override HttpClient CreateHttpClient(IClientConfig clientConfig)
        {
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = clientConfig.AllowAutoRedirect,
                AutomaticDecompression = DecompressionMethods.None,
            };
            if (clientConfig.MaxConnectionsPerServer.HasValue) handler.MaxConnectionsPerServer = clientConfig.MaxConnectionsPerServer.Value;
            IWebProxy proxy = clientConfig.GetWebProxy();
            if (proxy != null)
            {
                if (clientConfig.ProxyCredentials != null) proxy.Credentials = clientConfig.ProxyCredentials;
                handler.Proxy = proxy;
            }
            return new HttpClient(new CallingThreadHandler(handler));
        }
    }
}
