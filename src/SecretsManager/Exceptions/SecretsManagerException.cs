using System;

namespace SecretsManager
{
    /// <summary>
    /// The root of every error the SecretsManager cmdlets write: <c>catch [SecretsManager.SecretsManagerException]</c>
    /// catches them all. It lives in the module's own assembly, which PowerShell loads into the default context, so a
    /// script can name it (the engine's exceptions live in a private load context and stay as InnerException).
    /// </summary>
    public class SecretsManagerException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="errorCode">AWS's error code (e.g. ResourceNotFoundException), or the module's own (e.g. SecretKeyNotFound).</param>
        /// <param name="message">What happened, never a secret value.</param>
        /// <param name="secretId">The secret the error is about, as the caller named it; null when it is about none.</param>
        /// <param name="statusCode">The HTTP status of the service's answer; null when no answer was read.</param>
        /// <param name="innerException">The engine's exception, or the failure behind this one.</param>
        public SecretsManagerException(string errorCode, string message, string secretId = null, int? statusCode = null, Exception innerException = null)
            : base(message, innerException)
        {
            ErrorCode = errorCode;
            SecretId = secretId;
            StatusCode = statusCode;
        }

        /// <summary>AWS's error code, or the module's own for errors found before or after a call; also the ErrorId.</summary>
        public string ErrorCode { get; }

        /// <summary>The secret the error is about (name, ARN or partial ARN as given); null when none.</summary>
        public string SecretId { get; }

        /// <summary>The HTTP status of the service's answer (400, 500, ...); null when no answer was read.</summary>
        public int? StatusCode { get; }

        /// <summary>The x-amzn-RequestId of the service's answer, for a support case; null when none.</summary>
        public string RequestId { get; internal set; }
    }
}
