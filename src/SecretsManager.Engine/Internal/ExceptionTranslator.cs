using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;

namespace SecretsManager.Engine.Internal
{
    /// <summary>
    /// Maps what the SDK pipeline throws onto the engine's three exception types, so callers (and the cmdlets) never
    /// see an AWSSDK type. Returns null for exceptions that are already the caller's business (e.g. ArgumentException).
    /// </summary>
    internal static class ExceptionTranslator
    {
        /// <summary>The error code reported when the endpoint's own code echoed a secret value.</summary>
        public const string RedactedErrorCode = "RedactedErrorCode";

        public static Exception Translate(Exception exception, string operation, ClientResolution resolution, IReadOnlyList<string> sentSecrets = null)
        {
            if (exception is SecretsManagerServiceException || exception is SecretsManagerConfigurationException ||
                exception is SecretsManagerConnectionException || exception is ArgumentException)
            {
                return null;
            }

            // Credential failures come first: fetching credentials (SSO, IMDS, STS) can itself fail with a network
            // error, which must not be reported as "cannot reach Secrets Manager".
            if (IsCredentialFailure(exception))
            {
                return ConfigurationFailure(exception, operation, resolution);
            }

            Exception network = FindNetworkCause(exception);
            if (network != null)
            {
                return new SecretsManagerConnectionException(
                    $"Could not reach Secrets Manager at {resolution.Endpoint} (from {resolution.EndpointSource}) for {operation}: {network.Message}",
                    exception);
            }

            if (exception is AmazonUnmarshallingException unmarshalling)
            {
                // The SDK's message and inner exception may quote the response body, which can hold secret values.
                return new SecretsManagerServiceException("InvalidResponse",
                    $"The response to {operation} from {resolution.Endpoint} could not be read as a Secrets Manager response.",
                    (int)unmarshalling.StatusCode, unmarshalling.RequestId);
            }

            if (exception is AmazonServiceException service)
            {
                string code = ServiceErrorCode.Normalize(service.ErrorCode);
                if (string.IsNullOrEmpty(code)) { code = service.StatusCode == 0 ? "UnknownError" : service.StatusCode.ToString(); }
                string message = SentSecrets.Scrub(service.Message, sentSecrets);
                bool codeEchoes = SentSecrets.Echoes(code, sentSecrets);
                if (codeEchoes)
                {
                    // The code becomes an ErrorId and lands in logs: an endpoint that put the value there loses it.
                    code = RedactedErrorCode;
                    message = $"{message} (the endpoint's error code held the secret value and was removed)";
                }
                // When the service echoed a secret, the SDK exception (inner) still holds it: leave it out.
                Exception inner = ReferenceEquals(message, service.Message) && !codeEchoes ? service : null;
                return new SecretsManagerServiceException(code, message, (int)service.StatusCode, service.RequestId, inner);
            }

            if (IsFromAwsSdk(exception))
            {
                // Other SDK failures before anything is sent (signing, SDK configuration): never let an AWSSDK type out.
                return ConfigurationFailure(exception, operation, resolution);
            }

            if (exception is OperationCanceledException)
            {
                // Not cancelled by the caller (that case is filtered out earlier): the HTTP timeout elapsed.
                return new SecretsManagerConnectionException(
                    $"Secrets Manager at {resolution.Endpoint} did not answer {operation} in time.", exception);
            }
            return null;
        }

        private static bool IsCredentialFailure(Exception exception) =>
            exception is ProcessAWSCredentialException ||
            exception is FederatedAuthenticationFailureException ||
            exception is FederatedAuthenticationCancelledException ||
            exception is Amazon.Runtime.CredentialManagement.ProfileNotFoundException ||
            (exception is AmazonClientException && exception.Message.IndexOf("credential", StringComparison.OrdinalIgnoreCase) >= 0);

        private static bool IsFromAwsSdk(Exception exception) =>
            exception.GetType().Assembly.GetName().Name.StartsWith("AWSSDK", StringComparison.OrdinalIgnoreCase);

        private static SecretsManagerConfigurationException ConfigurationFailure(Exception exception, string operation, ClientResolution resolution) =>
            new SecretsManagerConfigurationException(
                $"{operation} could not be sent: {exception.Message} (credentials from {resolution.CredentialSource}; " +
                "to use others, " + CredentialResolver.NoCredentialsAdvice(null) + ").",
                exception);

        private static Exception FindNetworkCause(Exception exception)
        {
            for (Exception current = exception; current != null; current = current.InnerException)
            {
                if (current is HttpRequestException || current is WebException || current is SocketException ||
                    current is TimeoutException || (current is IOException && !(current is FileNotFoundException)))
                {
                    // Report the innermost network error: it names the actual cause (refused, DNS, reset).
                    Exception innermost = current;
                    while (innermost.InnerException != null && !(innermost.InnerException is AmazonServiceException)) { innermost = innermost.InnerException; }
                    return innermost;
                }
            }
            return null;
        }
    }
}
