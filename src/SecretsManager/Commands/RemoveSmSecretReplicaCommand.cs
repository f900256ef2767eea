using System.Linq;
using System.Management.Automation;
using SecretsManager.Completion;
using SecretsManager.Conversion;
using SecretsManager.Engine.Model;
using SecretsManager.Validation;

namespace SecretsManager.Commands
{
    /// <summary>Deletes the replicas of secrets in the given regions (RemoveRegionsFromReplication).</summary>
    [Cmdlet(VerbsCommon.Remove, "SmSecretReplica", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(SecretOperationResult))]
    public sealed class RemoveSmSecretReplicaCommand : SecretTargetCmdlet
    {
        /// <summary>The regions whose replicas are deleted.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [Alias("RemoveReplicaRegions")]
        [ValidateCount(ModelConstraints.RemoveReplicaRegionListTypeMinLength, int.MaxValue)]
        [ValidateLength(ModelConstraints.RegionTypeMinLength, ModelConstraints.RegionTypeMaxLength)]
        [ValidateRegionName]
        [ValidatePattern(ModelConstraints.RegionTypePattern)]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string[] ReplicaRegion { get; set; }

        /// <summary>Don't ask for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc/>
        protected override void ProcessSecret(string id)
        {
            if (!ShouldChange($"Delete the replicas of secret {Quoted(id)} in {string.Join(", ", ReplicaRegion)} (the replica secrets are deleted)", Force)) return;
            var request = new RemoveRegionsFromReplicationRequest { SecretId = id, RemoveReplicaRegions = ReplicaRegion.ToList() };
            if (!TryCall(id, "RemoveRegionsFromReplication", () => ClientFor(id).RemoveRegionsFromReplication(request), out var response)) return;
            var result = SecretOperationResult.Of("RemoveRegionsFromReplication", id, arn: response.ARN);
            result.ReplicationStatus = SecretReplicaStatus.FromList(response.ReplicationStatus);
            WriteObject(result);
        }
    }
}
