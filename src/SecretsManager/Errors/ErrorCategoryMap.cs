using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace SecretsManager.Errors
{
    /// <summary>Maps an AWS error code to the PowerShell error category a script would test for.</summary>
    internal static class ErrorCategoryMap
    {
        private static readonly Dictionary<string, ErrorCategory> Map = new Dictionary<string, ErrorCategory>(StringComparer.Ordinal)
        {
            ["ResourceNotFoundException"] = ErrorCategory.ObjectNotFound,
            ["ResourceExistsException"] = ErrorCategory.ResourceExists,
            ["InvalidParameterException"] = ErrorCategory.InvalidArgument,
            ["ValidationException"] = ErrorCategory.InvalidArgument,
            ["InvalidNextTokenException"] = ErrorCategory.InvalidArgument,
            ["SerializationException"] = ErrorCategory.InvalidArgument,
            ["InvalidRequestException"] = ErrorCategory.InvalidOperation,
            ["PreconditionNotMetException"] = ErrorCategory.InvalidOperation,
            ["UnknownOperationException"] = ErrorCategory.InvalidOperation,
            ["LimitExceededException"] = ErrorCategory.LimitsExceeded,
            ["ThrottlingException"] = ErrorCategory.LimitsExceeded,
            ["TooManyRequestsException"] = ErrorCategory.LimitsExceeded,
            ["RequestLimitExceeded"] = ErrorCategory.LimitsExceeded,
            ["MalformedPolicyDocumentException"] = ErrorCategory.InvalidData,
            ["DecryptionFailure"] = ErrorCategory.SecurityError,
            ["EncryptionFailure"] = ErrorCategory.SecurityError,
            ["PublicPolicyException"] = ErrorCategory.SecurityError,
            // The caller is known but not allowed.
            ["AccessDeniedException"] = ErrorCategory.PermissionDenied,
            ["AccessDenied"] = ErrorCategory.PermissionDenied,
            ["NotAuthorized"] = ErrorCategory.PermissionDenied,
            // The request could not be authenticated: wrong key, bad signature, expired token, skewed clock.
            ["UnrecognizedClientException"] = ErrorCategory.SecurityError,
            ["InvalidSignatureException"] = ErrorCategory.SecurityError,
            ["IncompleteSignature"] = ErrorCategory.SecurityError,
            ["MissingAuthenticationToken"] = ErrorCategory.SecurityError,
            ["InvalidClientTokenId"] = ErrorCategory.SecurityError,
            ["ExpiredTokenException"] = ErrorCategory.SecurityError,
            ["SignatureDoesNotMatch"] = ErrorCategory.SecurityError,
            ["InternalServiceError"] = ErrorCategory.ResourceUnavailable,
            ["InternalFailure"] = ErrorCategory.ResourceUnavailable,
            ["ServiceUnavailable"] = ErrorCategory.ResourceUnavailable,
        };

        public static ErrorCategory For(string errorCode)
        {
            if (string.IsNullOrEmpty(errorCode)) return ErrorCategory.NotSpecified;
            return Map.TryGetValue(errorCode, out var category) ? category : ErrorCategory.NotSpecified;
        }
    }
}
