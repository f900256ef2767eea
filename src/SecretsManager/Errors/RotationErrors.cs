using System.Management.Automation;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Workflows.Rotation;

namespace SecretsManager.Errors
{
    /// <summary>The error record of a client-side rotation that stopped: the engine's code as ErrorId, a public exception a script can catch.</summary>
    internal static class RotationErrors
    {
        public static ErrorRecord ToRecord(RotationException e, string secretId)
        {
            SecretsManagerException exception;
            ErrorCategory category;
            switch (e.ErrorCode)
            {
                case RotationErrorCodes.Conflict:
                    exception = new ConflictException(e.ErrorCode, e.Message, secretId, null, e) { PendingVersionId = e.PendingVersionId, PendingCreatedDate = e.PendingCreatedDate };
                    category = ErrorCategory.ResourceBusy;
                    break;
                case RotationErrorCodes.ServiceRotationEnabled:
                    exception = new InvalidRequestException(e.ErrorCode, e.Message, secretId, null, e);
                    category = ErrorCategory.InvalidOperation;
                    break;
                case RotationErrorCodes.SecretInvalid:
                    exception = new InvalidRequestException(e.ErrorCode, e.Message, secretId, null, e);
                    category = ErrorCategory.InvalidData;
                    break;
                case RotationErrorCodes.MasterSecretUnreadable:
                    exception = new InvalidRequestException(e.ErrorCode, e.Message, secretId, null, e);
                    category = e.InnerException is SecretsManagerServiceException service ? ErrorCategoryMap.For(service.ErrorCode) : ErrorCategory.InvalidData;
                    if (category == ErrorCategory.NotSpecified) category = ErrorCategory.InvalidData;
                    break;
                case RotationErrorCodes.PsqlNotFound:
                    exception = new SecretsManagerException(e.ErrorCode, e.Message, secretId, null, e);
                    category = ErrorCategory.ObjectNotFound;
                    break;
                default:
                    // StepFailed, RestoreFailed, NotFinished: the message says what the target and the labels hold.
                    exception = new SecretsManagerException(e.ErrorCode, e.Message, secretId, null, e);
                    category = ErrorCategory.InvalidResult;
                    break;
            }
            return ErrorRecordFactory.Local(exception, category, secretId);
        }
    }
}
