using System;
using System.Collections.Generic;

namespace SecretsManager.Engine.Errors
{
    /// <summary>
    /// An error answered by the Secrets Manager service (after the SDK's retries gave up). The message is the
    /// service's own message; it never contains secret values sent in the request.
    /// </summary>
    public class SecretsManagerServiceException : Exception
    {
        /// <summary>Creates the exception for one failed service call.</summary>
        public SecretsManagerServiceException(string errorCode, string message, int statusCode, string requestId, Exception innerException = null)
            : base(string.IsNullOrEmpty(message) ? $"Secrets Manager returned {errorCode} (HTTP {statusCode})." : message, innerException)
        {
            ErrorCode = errorCode;
            StatusCode = statusCode;
            RequestId = requestId;
        }

        /// <summary>The AWS error code (the response's __type without any namespace prefix), e.g. ResourceNotFoundException.</summary>
        public string ErrorCode { get; }

        /// <summary>The HTTP status code of the response.</summary>
        public int StatusCode { get; }

        /// <summary>The x-amzn-RequestId of the response, for support cases; may be null.</summary>
        public string RequestId { get; }

        /// <summary>
        /// True when the service refused the caller's identity itself (wrong or unknown key, bad signature, expired
        /// token): unlike AccessDenied, which a policy may give per secret, every further call would fail alike.
        /// </summary>
        public bool RejectsCredentials => ErrorCode != null && IdentityFailures.Contains(ErrorCode);

        private static readonly HashSet<string> IdentityFailures = new HashSet<string>(StringComparer.Ordinal)
        {
            "UnrecognizedClientException", "InvalidSignatureException", "SignatureDoesNotMatch", "IncompleteSignature",
            "MissingAuthenticationToken", "InvalidClientTokenId", "ExpiredTokenException", "ExpiredToken",
        };
    }
}
