using System;

namespace SecretsManager.Engine.Errors
{
    /// <summary>
    /// A copy or comparison refused as a whole before anything is written: the destination is the source, or a name map
    /// sends two secrets to one name. <see cref="ErrorCode"/> says which.
    /// </summary>
    public class CopyRefusedException : Exception
    {
        /// <summary>The destination is the source itself (same endpoint, region and account).</summary>
        public const string DestinationIsSource = "DestinationIsSource";

        /// <summary>Two source secrets map to one destination name.</summary>
        public const string DestinationNameCollision = "DestinationNameCollision";

        /// <summary>Creates the exception.</summary>
        public CopyRefusedException(string errorCode, string message) : base(message) => ErrorCode = errorCode;

        /// <summary><see cref="DestinationIsSource"/> or <see cref="DestinationNameCollision"/>.</summary>
        public string ErrorCode { get; }
    }
}
