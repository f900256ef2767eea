using System;

namespace SecretsManager.Engine.Workflows.Rotation
{
    /// <summary>
    /// A client-side rotation that stopped: <see cref="ErrorCode"/> (one of <see cref="RotationErrorCodes"/>) says how,
    /// the message says which step, what the target and the labels hold, and what to do. Never a secret value.
    /// </summary>
    public sealed class RotationException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public RotationException(string errorCode, string message, string secretId, Exception innerException = null)
            : base(message, innerException)
        {
            ErrorCode = errorCode;
            SecretId = secretId;
        }

        /// <summary>One of <see cref="RotationErrorCodes"/>.</summary>
        public string ErrorCode { get; }

        /// <summary>The secret, as the caller named it.</summary>
        public string SecretId { get; }

        /// <summary>The step that failed, when one did.</summary>
        public RotationStep? Step { get; set; }

        /// <summary>The pending version the message is about, when there is one.</summary>
        public string PendingVersionId { get; set; }

        /// <summary>When the pending version was created (UTC), when known.</summary>
        public DateTime? PendingCreatedDate { get; set; }

        /// <summary>True when nothing the secret's readers see changed and the target holds the current value.</summary>
        public bool TargetRestored { get; set; }
    }
}
