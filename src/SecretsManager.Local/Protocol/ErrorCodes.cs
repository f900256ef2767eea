namespace SecretsManager.Local.Protocol;

/// <summary>The AWS error codes the endpoint returns.</summary>
public static class ErrorCodes
{
    public const string InvalidParameter = "InvalidParameterException";
    public const string InvalidRequest = "InvalidRequestException";
    public const string ResourceNotFound = "ResourceNotFoundException";
    public const string ResourceExists = "ResourceExistsException";
    public const string LimitExceeded = "LimitExceededException";
    public const string InvalidNextToken = "InvalidNextTokenException";
    public const string MalformedPolicyDocument = "MalformedPolicyDocumentException";
    public const string PublicPolicy = "PublicPolicyException";
    public const string InternalServiceError = "InternalServiceError";
    public const string Validation = "ValidationException";
    public const string Serialization = "SerializationException";
    public const string UnknownOperation = "UnknownOperationException";
    public const string AccessDenied = "AccessDeniedException";
    public const string RequestEntityTooLarge = "RequestEntityTooLargeException";
    public const string InvalidSignature = "InvalidSignatureException";
    public const string UnrecognizedClient = "UnrecognizedClientException";
    public const string IncompleteSignature = "IncompleteSignatureException";
    public const string MissingAuthenticationToken = "MissingAuthenticationTokenException";
}
