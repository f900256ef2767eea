using System;
using SecretsManager.Engine.Errors;

namespace SecretsManager.Errors
{
    /// <summary>
    /// Turns the engine's exceptions (private load context, so a script can't name them) into the module's public ones,
    /// keeping the engine's as InnerException.
    /// </summary>
    internal static class ModuleExceptions
    {
        /// <summary>The public exception for an error the service answered, by AWS's code.</summary>
        public static SecretsManagerException FromService(SecretsManagerServiceException e, string secretId)
        {
            int? status = e.StatusCode > 0 ? e.StatusCode : (int?)null;
            string code = string.IsNullOrEmpty(e.ErrorCode) ? "SecretsManagerServiceError" : e.ErrorCode;
            SecretsManagerException result;
            if (e.RejectsCredentials) result = new AccessDeniedException(code, e.Message, secretId, status, e);
            else
            {
                switch (code)
                {
                    case "ResourceNotFoundException":
                        result = new SecretNotFoundException(code, e.Message, secretId, status, e);
                        break;
                    case "ResourceExistsException":
                        result = new SecretExistsException(code, e.Message, secretId, status, e);
                        break;
                    case "InvalidRequestException":
                    case "InvalidParameterException":
                    case "ValidationException":
                    case "MalformedPolicyDocumentException":
                    case "PreconditionNotMetException":
                    case "InvalidNextTokenException":
                    case "SerializationException":
                    case "PublicPolicyException":
                        result = new InvalidRequestException(code, e.Message, secretId, status, e);
                        break;
                    case "AccessDeniedException":
                    case "AccessDenied":
                    case "NotAuthorized":
                        result = new AccessDeniedException(code, e.Message, secretId, status, e);
                        break;
                    case "ThrottlingException":
                    case "Throttling":
                    case "LimitExceededException":
                    case "TooManyRequestsException":
                    case "RequestLimitExceeded":
                        result = new LimitExceededException(code, e.Message, secretId, status, e);
                        break;
                    default:
                        result = new SecretsManagerException(code, e.Message, secretId, status, e);
                        break;
                }
            }
            result.RequestId = e.RequestId;
            return result;
        }

        public static ConfigurationException FromConfiguration(SecretsManagerConfigurationException e) =>
            new ConfigurationException("SecretsManagerConfiguration", e.Message, null, null, e);

        public static ConnectionException FromConnection(SecretsManagerConnectionException e, string secretId) =>
            new ConnectionException("SecretsManagerConnection", e.Message, secretId, null, e);

        public static OutcomeUnknownException FromOutcomeUnknown(SecretsManagerOutcomeUnknownException e, string secretId) =>
            new OutcomeUnknownException(e.Operation, e.ClientRequestToken, e.Message, secretId ?? e.Target, e);

        /// <summary>The secret id a target object names, for the exception's SecretId.</summary>
        public static string SecretIdOf(object target) => target as string;
    }
}
