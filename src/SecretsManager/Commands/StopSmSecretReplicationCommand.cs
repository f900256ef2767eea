using System.Management.Automation;
using SecretsManager.Conversion;
using SecretsManager.Engine.Model;

namespace SecretsManager.Commands
{
    /// <summary>
    /// Promotes replica secrets to standalone secrets (StopReplicationToReplica). Run it in the replica's region
    /// (-Region); the replica stops receiving the primary's changes for good.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "SmSecretReplication", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(SecretOperationResult))]
    public sealed class StopSmSecretReplicationCommand : SecretTargetCmdlet
    {
        /// <summary>Don't ask for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc/>
        protected override void ProcessSecret(string id)
        {
            if (!ShouldChange($"Promote replica secret {Quoted(id)} to a standalone secret (replication from its primary stops)", Force)) return;
            if (!TryCall(id, "StopReplicationToReplica", () => ClientFor(id).StopReplicationToReplica(new StopReplicationToReplicaRequest { SecretId = id }), out var response)) return;
            WriteObject(SecretOperationResult.Of("StopReplicationToReplica", id, arn: response.ARN));
        }
    }
}
