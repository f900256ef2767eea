namespace SecretsManager.Local.Rotation;

/// <summary>A rotation function that the endpoint can invoke, standing in for a Lambda.</summary>
internal interface IRotationFunction
{
    /// <summary>Runs one step; throws <see cref="RotationStepException"/> when the step fails.</summary>
    Task InvokeAsync(RotationEvent rotationEvent, CancellationToken cancellationToken);
}
