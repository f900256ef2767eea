using System.Collections.Generic;
using System.Linq;

namespace SecretsManager.Engine.Workflows.Copying
{
    /// <summary>
    /// The whole plan of a comparison or a copy, built before anything is written: one <see cref="SecretCopyPlan"/>
    /// per source secret in input order, then the destination-only secrets when they were asked for.
    /// </summary>
    public sealed class CopyPlan
    {
        internal CopyPlan(IReadOnlyList<SecretCopyPlan> secrets, IReadOnlyList<SecretCopyPlan> destinationOnly, string destinationAccountId)
        {
            Secrets = secrets;
            DestinationOnly = destinationOnly;
            DestinationAccountId = destinationAccountId;
        }

        /// <summary>One plan per source secret (or per id that failed), in input order.</summary>
        public IReadOnlyList<SecretCopyPlan> Secrets { get; }

        /// <summary>Destination secrets matching the destination patterns that no source secret maps to.</summary>
        public IReadOnlyList<SecretCopyPlan> DestinationOnly { get; }

        /// <summary>The destination's account, when a listed or found ARN told it; null while the destination is empty.</summary>
        public string DestinationAccountId { get; }

        /// <summary>How many source secrets have rotation configured, which is never copied (one warning per run).</summary>
        public int RotationNotCopied => Secrets.Count(s => s.RotationNotCopied);

        /// <summary>How many secrets a copy would write to.</summary>
        public int ToWrite => Secrets.Count(s => s.HasChanges);
    }
}
