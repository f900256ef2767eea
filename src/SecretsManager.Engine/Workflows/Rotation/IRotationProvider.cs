namespace SecretsManager.Engine.Workflows.Rotation
{
    /// <summary>
    /// The target side of a client-side rotation: how a new value is made, set on the target and tested there.
    /// <see cref="ClientRotation"/> runs the protocol around it (labels, resume, rollback, concurrency); a provider
    /// only touches its target. Set must be idempotent: a resumed rotation runs it again with the same value.
    /// </summary>
    public interface IRotationProvider
    {
        /// <summary>What the provider rotates, for messages (e.g. "PostgreSQL, single user").</summary>
        string Description { get; }

        /// <summary>
        /// Checks, before anything changes, that the secret has what the provider needs (keys, tools, other
        /// secrets). Called with <see cref="RotationContext.Pending"/> null first, then again once the pending value
        /// is known. Throws <see cref="RotationException"/> naming what is missing.
        /// </summary>
        void Validate(RotationContext context);

        /// <summary>The pending value (a SecretString) for <see cref="RotationContext.Token"/>.</summary>
        string NewValue(RotationContext context);

        /// <summary>Makes the target accept <see cref="RotationContext.Pending"/> (and, during a restore, the current value again).</summary>
        void Set(RotationContext context);

        /// <summary>Throws when the target does not accept <see cref="RotationContext.Pending"/>.</summary>
        void Test(RotationContext context);
    }
}
