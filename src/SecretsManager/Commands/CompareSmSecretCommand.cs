using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SecretsManager.Engine.Workflows.Copying;
using SecretsManager.Errors;

namespace SecretsManager.Commands
{
    /// <summary>
    /// Compares secrets with their copies in another account or region: one object per secret with its status and
    /// what differs. Reads only; values are compared in memory and never shown.
    /// </summary>
    [Cmdlet(VerbsData.Compare, "SmSecret", DefaultParameterSetName = ByComparisonSet)]
    [OutputType(typeof(SecretComparison))]
    public sealed class CompareSmSecretCommand : SecretCopyCmdlet
    {
        /// <summary>Also report destination secrets that match -Name (with -DestinationPrefix) and that no source secret maps to.</summary>
        [Parameter(ParameterSetName = ByNameSet)]
        public SwitchParameter IncludeDestinationOnly { get; set; }

        /// <inheritdoc/>
        protected override void CheckParameters()
        {
            if (IncludeDestinationOnly && DestinationName != null)
            {
                ThrowArgumentError("DestinationOnlyNeedsPrefix",
                    "-IncludeDestinationOnly looks for destination names that match -Name, which a -DestinationName script block can't tell; use -DestinationPrefix.");
            }
        }

        /// <inheritdoc/>
        protected override bool CompareOnly => true;

        /// <inheritdoc/>
        protected override IEnumerable<string> DestinationOnlyPatterns() =>
            IncludeDestinationOnly ? Name.Select(n => (DestinationPrefix ?? string.Empty) + n).ToList() : null;

        /// <inheritdoc/>
        protected override void WritePlan(CopyPlan plan)
        {
            foreach (var secret in plan.Secrets)
            {
                if (secret.Error != null) WriteError(ErrorRecordFactory.FromServiceException(secret.Error, secret.RequestedId));
                else WriteObject(SecretComparison.From(secret));
            }
            foreach (var secret in plan.DestinationOnly) WriteObject(SecretComparison.From(secret));
        }
    }
}
