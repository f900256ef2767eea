using System.Management.Automation;
using SecretsManager.Conversion;
using SecretsManager.Engine.Model;
using SecretsManager.Validation;

namespace SecretsManager.Commands
{
    /// <summary>
    /// Deletes secrets (DeleteSecret): recoverable with Restore-SmSecret for -RecoveryWindowInDays (7–30, default 30),
    /// or at once with -WithoutRecovery.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "SmSecret", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = RecoverySet)]
    [OutputType(typeof(SecretOperationResult))]
    public sealed class RemoveSmSecretCommand : SecretTargetCmdlet
    {
        private const string RecoverySet = "RecoveryWindow";
        private const string NoRecoverySet = "WithoutRecovery";
        private const int DefaultRecoveryWindowInDays = 30;

        /// <summary>Days (7–30) during which Restore-SmSecret can undo the deletion. Default 30.</summary>
        [Parameter(ParameterSetName = RecoverySet)]
        [ValidateRange(DocumentedRules.RecoveryWindowMinDays, DocumentedRules.RecoveryWindowMaxDays)]
        public int RecoveryWindowInDays { get; set; } = DefaultRecoveryWindowInDays;

        /// <summary>Delete at once, with no way back.</summary>
        [Parameter(Mandatory = true, ParameterSetName = NoRecoverySet)]
        public SwitchParameter WithoutRecovery { get; set; }

        /// <summary>Don't ask for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc/>
        protected override void ProcessSecret(string id)
        {
            string effect = WithoutRecovery ? "immediately, without recovery" : $"recoverable for {RecoveryWindowInDays} days";
            if (!ShouldChange($"Delete secret {Quoted(id)} ({effect})", Force)) return;
            var request = new DeleteSecretRequest { SecretId = id };
            if (WithoutRecovery) request.ForceDeleteWithoutRecovery = true;
            else if (MyInvocation.BoundParameters.ContainsKey(nameof(RecoveryWindowInDays))) request.RecoveryWindowInDays = RecoveryWindowInDays;
            if (!TryCall(id, "DeleteSecret", () => ClientFor(id).DeleteSecret(request), out var response)) return;
            var result = SecretOperationResult.Of("DeleteSecret", id, response.Name, response.ARN);
            result.DeletionDate = LocalTime.From(response.DeletionDate);
            WriteObject(result);
        }
    }
}
