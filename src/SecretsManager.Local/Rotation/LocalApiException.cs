namespace SecretsManager.Local.Rotation;

/// <summary>An AWS error returned by the endpoint to its own built-in rotation function.</summary>
internal sealed class LocalApiException : Exception
{
    public LocalApiException(string code, string message) : base($"{code}: {message}") => Code = code;

    public string Code { get; }
}
