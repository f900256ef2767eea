using System;
using System.Management.Automation;
using SecretsManager.Engine.Errors;

namespace SecretsManager.Errors
{
    /// <summary>
    /// Builds the error records the cmdlets write. Each carries one of the module's public exceptions (rooted at
    /// <see cref="SecretsManagerException"/>), so <c>catch [SecretsManager.SecretNotFoundException]</c> works; service
    /// errors keep the AWS error code as ErrorId, so the FullyQualifiedErrorId reads e.g.
    /// "ResourceNotFoundException,SecretsManager.Commands.GetSmSecretValueCommand".
    /// </summary>
    internal static class ErrorRecordFactory
    {
        public static ErrorRecord FromServiceException(SecretsManagerServiceException exception, object target)
        {
            var module = ModuleExceptions.FromService(exception, ModuleExceptions.SecretIdOf(target));
            var record = new ErrorRecord(module, module.ErrorCode, ErrorCategoryMap.For(exception.ErrorCode), target);
            // AWS's messages rarely name the secret; in a pipeline of many ids the reader needs to know which failed.
            if (target is string id && !string.IsNullOrEmpty(id) && exception.Message.IndexOf(id, StringComparison.Ordinal) < 0)
            {
                record.ErrorDetails = new ErrorDetails($"Secret '{id}': {exception.Message}");
            }
            return record;
        }

        /// <summary>
        /// Credentials the service refused (<see cref="SecretsManagerServiceException.RejectsCredentials"/>): AWS's code
        /// as ErrorId, but no "Secret 'x':" prefix, since the failure is not about that secret.
        /// </summary>
        public static ErrorRecord FromIdentityFailure(SecretsManagerServiceException exception, object target) =>
            new ErrorRecord(ModuleExceptions.FromService(exception, ModuleExceptions.SecretIdOf(target)), exception.ErrorCode, ErrorCategoryMap.For(exception.ErrorCode), target);

        public static ErrorRecord FromConfigurationException(SecretsManagerConfigurationException exception) =>
            new ErrorRecord(ModuleExceptions.FromConfiguration(exception), "SecretsManagerConfiguration", ErrorCategory.InvalidOperation, null);

        public static ErrorRecord FromConnectionException(SecretsManagerConnectionException exception, object target) =>
            new ErrorRecord(ModuleExceptions.FromConnection(exception, ModuleExceptions.SecretIdOf(target)), "SecretsManagerConnection", ErrorCategory.ConnectionError, target);

        /// <summary>
        /// A change whose answer was lost and whose effect the check could not establish: it may have been applied. The
        /// message says so and, for token-carrying operations, gives the ClientRequestToken that repeats it safely.
        /// </summary>
        public static ErrorRecord FromOutcomeUnknown(SecretsManagerOutcomeUnknownException exception, object target) =>
            new ErrorRecord(ModuleExceptions.FromOutcomeUnknown(exception, ModuleExceptions.SecretIdOf(target)), "OutcomeUnknown", ErrorCategory.ResourceUnavailable, target ?? exception.Target);

        /// <summary>
        /// A failure found by the module itself (not the service), e.g. a secret that is not JSON: the exception's
        /// ErrorCode is the ErrorId.
        /// </summary>
        public static ErrorRecord Local(SecretsManagerException exception, ErrorCategory category, object target) =>
            new ErrorRecord(exception, exception.ErrorCode, category, target);
    }
}
