using System.Management.Automation;
using SecretsManager.Engine;

namespace SecretsManager.Commands
{
    /// <summary>
    /// Promotes replica secrets to standalone secrets (StopReplicationToReplica). Run it in the replica's region
    /// (-Region); the replica stops receiving the primary's changes for good.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "SmSecretReplication", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(SecretOperationResult))]
    public sealed class StopSmSecretReplicationCommand : SecretsManagerCmdlet
    {
        /// <summary>The replica secret: its name, ARN or partial ARN. Takes pipeline input.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name", "ARN", "Id")]
        [SecretIdTransformation]
        [ValidateLength(ModelConstraints.SecretIdTypeMinLength, ModelConstraints.SecretIdTypeMaxLength)]
        [ArgumentCompleter(typeof(SecretIdCompleter))]
        public string[] SecretId { get; set; }

        /// <summary>Don't ask for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            foreach (string id in SecretId)
            {
                if (!ShouldChange($"Promote replica secret '{id}' to a standalone secret (replication from its primary stops)", Force)) continue;
                if (!TryCall(id, "StopReplicationToReplica", () => ClientFor(id).StopReplicationToReplica(new StopReplicationToReplicaRequest { SecretId = id }), out var response)) continue;
                WriteObject(new SecretOperationResult("StopReplicationToReplica", SecretArn.NameOf(response.ARN ?? id), response.ARN ?? SecretArn.ArnOf(id)));
            }
        }
    }
}
