namespace SecretsManager.Local.Rotation;

/// <summary>A rotation step failed; the rotation stops and AWSPENDING stays where it is.</summary>
internal sealed class RotationStepException : Exception
{
    public RotationStepException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
