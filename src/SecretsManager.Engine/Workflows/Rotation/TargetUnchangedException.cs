using System;

namespace SecretsManager.Engine.Workflows.Rotation
{
    /// <summary>
    /// Thrown by a provider's Set when it knows it changed nothing on the target (e.g. it could not connect at all).
    /// After a fresh createSecret the rotation then has nothing to restore: it withdraws AWSPENDING and says the
    /// target is unchanged, instead of running a restore that would fail the same way.
    /// </summary>
    public sealed class TargetUnchangedException : Exception
    {
        /// <summary>Creates the exception; <paramref name="message"/> says why the target was not reached.</summary>
        public TargetUnchangedException(string message) : base(message) { }
    }
}
