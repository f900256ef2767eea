using System.Collections.Generic;

namespace SecretsManager.Engine.Workflows.Rotation
{
    /// <summary>What a finished client-side rotation did.</summary>
    public sealed class RotationOutcome
    {
        /// <summary>The secret's name.</summary>
        public string Name { get; set; }

        /// <summary>The secret's ARN.</summary>
        public string ARN { get; set; }

        /// <summary>The new AWSCURRENT version (the rotation's ClientRequestToken).</summary>
        public string VersionId { get; set; }

        /// <summary>The version AWSCURRENT left, now AWSPREVIOUS.</summary>
        public string PreviousVersionId { get; set; }

        /// <summary>The steps this run ran, in order (a resumed rotation starts at setSecret).</summary>
        public IReadOnlyList<RotationStep> Steps { get; set; } = new RotationStep[0];

        /// <summary>True when this run resumed a pending version left by an interrupted one.</summary>
        public bool Resumed { get; set; }
    }
}
