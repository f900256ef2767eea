using System;
using System.Management.Automation;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;

namespace SecretsManager.Errors
{
    /// <summary>
    /// Builds the error records the cmdlets write. Service errors keep the AWS error code as ErrorId, so the
    /// FullyQualifiedErrorId reads e.g. "ResourceNotFoundException,SecretsManager.Commands.GetSmSecretValueCommand".
    /// </summary>
    internal static class ErrorRecordFactory
    {
        public static ErrorRecord FromServiceException(SecretsManagerServiceException exception, object target)
        {
            string errorId = string.IsNullOrEmpty(exception.ErrorCode) ? "SecretsManagerServiceError" : exception.ErrorCode;
            var record = new ErrorRecord(exception, errorId, ErrorCategoryMap.For(exception.ErrorCode), target);
            // AWS's messages rarely name the secret; in a pipeline of many ids the reader needs to know which failed.
            if (target is string id && !string.IsNullOrEmpty(id) && exception.Message.IndexOf(id, StringComparison.Ordinal) < 0)
            {
                record.ErrorDetails = new ErrorDetails($"Secret '{id}': {exception.Message}");
            }
            return record;
        }

        /// <summary>
        /// Credentials the service refused (see <see cref="ErrorCategoryMap.IsIdentityFailure"/>): AWS's code as ErrorId,
        /// but no "Secret 'x':" prefix, since the failure is not about that secret.
        /// </summary>
        public static ErrorRecord FromIdentityFailure(SecretsManagerServiceException exception, object target) =>
            new ErrorRecord(exception, exception.ErrorCode, ErrorCategoryMap.For(exception.ErrorCode), target);

        /// <summary>One failed secret of a BatchGetSecretValue call, shaped like the error GetSecretValue would give.</summary>
        public static ErrorRecord FromBatchError(APIErrorType error)
        {
            var exception = new SecretsManagerServiceException(error.ErrorCode, error.Message, 0, null);
            return FromServiceException(exception, error.SecretId);
        }

        public static ErrorRecord FromConfigurationException(SecretsManagerConfigurationException exception) =>
            new ErrorRecord(exception, "SecretsManagerConfiguration", ErrorCategory.InvalidOperation, null);

        public static ErrorRecord FromConnectionException(SecretsManagerConnectionException exception, object target) =>
            new ErrorRecord(exception, "SecretsManagerConnection", ErrorCategory.ConnectionError, target);

        /// <summary>
        /// A change whose answer was lost and whose effect the check could not establish: it may have been applied. The
        /// message says so and, for token-carrying operations, gives the ClientRequestToken that repeats it safely.
        /// </summary>
        public static ErrorRecord FromOutcomeUnknown(SecretsManagerOutcomeUnknownException exception, object target) =>
            new ErrorRecord(exception, "OutcomeUnknown", ErrorCategory.ResourceUnavailable, target ?? exception.Target);

        /// <summary>A failure found by the cmdlet itself (not the service), e.g. a secret that is not JSON.</summary>
        public static ErrorRecord Local(string errorId, ErrorCategory category, object target, string message, Exception inner = null)
        {
            var exception = new InvalidOperationException(message, inner);
            return new ErrorRecord(exception, errorId, category, target);
        }
    }
}
