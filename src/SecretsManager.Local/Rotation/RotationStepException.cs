namespace SecretsManager.Local.Rotation;

/// <summary>
/// A rotation step failed; the rotation stops and AWSPENDING stays where it is. <see cref="Detail"/> (a function's
/// standard error) goes to the endpoint's log only: it may quote a value, so it is never part of what a client reads.
/// </summary>
internal sealed class RotationStepException : Exception
{
    public RotationStepException(string message, Exception? inner = null, string? detail = null) : base(message, inner)
    {
        Detail = detail;
    }

    public string? Detail { get; }
}
