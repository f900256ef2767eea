using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;

namespace SecretsManager.Engine.Internal
{
    /// <summary>
    /// Obtains the credentials before a call is sent, so that a credential provider's failure (STS for assume-role,
    /// SSO, credential_process, IMDS) is reported as that provider's, naming the host it could not reach, rather than
    /// as a failure to reach Secrets Manager. Providers cache what they fetch, so later calls cost nothing.
    /// </summary>
    internal static class CredentialCheck
    {
        public static async Task EnsureAsync(AWSCredentials credentials, ClientResolution resolution, CancellationToken cancellationToken)
        {
            if (credentials == null) return;
            Task<ImmutableCredentials> fetch;
            try
            {
                fetch = credentials.GetCredentialsAsync();
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                throw Failure(e, resolution);
            }
            if (!fetch.IsCompleted)
            {
                var cancelled = new TaskCompletionSource<bool>();
                using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
                {
                    if (await Task.WhenAny(fetch, cancelled.Task).ConfigureAwait(false) != fetch)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                }
            }
            try
            {
                await fetch.ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw Failure(e, resolution);
            }
        }

        /// <summary>The provider's failure in words: the credential source, and the network cause with its host when there is one.</summary>
        public static SecretsManagerConfigurationException Failure(Exception e, ClientResolution resolution)
        {
            string source = resolution?.CredentialSource ?? "the credential provider";
            Exception network = NetworkCause(e);
            string cause = network == null || ReferenceEquals(network, e)
                ? e.Message
                : $"{e.Message}: the credential provider could not reach its endpoint: {network.Message}";
            return new SecretsManagerConfigurationException(
                $"No credentials from {source}: {cause.TrimEnd('.')}. Nothing was sent to Secrets Manager ({resolution?.Endpoint}).", e);
        }

        private static Exception NetworkCause(Exception exception)
        {
            // An HttpRequestException names the cause and, on .NET, the host and port ("Connection refused
            // (sts.amazonaws.com:443)"); the socket error beneath it names only the cause.
            Exception found = null;
            for (Exception current = exception; current != null; current = current.InnerException)
            {
                if (current is System.Net.Http.HttpRequestException) return current;
                if (found == null && (current is System.Net.Sockets.SocketException || current is System.Net.WebException || current is TimeoutException)) found = current;
            }
            return found;
        }
    }
}
