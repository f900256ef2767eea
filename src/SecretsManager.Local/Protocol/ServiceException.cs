namespace SecretsManager.Local.Protocol;

/// <summary>An AWS error: becomes <c>{"__type": Code, "message": Message}</c> with <see cref="StatusCode"/>.</summary>
public sealed class ServiceException : Exception
{
    public ServiceException(string code, string message, int statusCode = 400) : base(message)
    {
        Code = code;
        StatusCode = statusCode;
    }

    /// <summary>The AWS error code (the <c>__type</c>).</summary>
    public string Code { get; }

    /// <summary>HTTP status code.</summary>
    public int StatusCode { get; }

    public static ServiceException InvalidParameter(string message) => new(ErrorCodes.InvalidParameter, message);
    public static ServiceException InvalidRequest(string message) => new(ErrorCodes.InvalidRequest, message);
    public static ServiceException Validation(string message) => new(ErrorCodes.Validation, message);
    public static ServiceException NotFound(string message) => new(ErrorCodes.ResourceNotFound, message);
    public static ServiceException Exists(string message) => new(ErrorCodes.ResourceExists, message);
    public static ServiceException Limit(string message) => new(ErrorCodes.LimitExceeded, message);

    /// <summary>AWS's answer when a secret can't be found by the id given.</summary>
    public static ServiceException SecretNotFound() => NotFound("Secrets Manager can't find the specified secret.");

    /// <summary>AWS's answer for an operation refused while the secret waits for deletion.</summary>
    public static ServiceException MarkedForDeletion() =>
        InvalidRequest("You can't perform this operation on the secret because it was marked for deletion.");
}
