using System.Linq;
using System.Management.Automation;
using SecretsManager.Completion;
using SecretsManager.Conversion;
using SecretsManager.Engine.Model;
using SecretsManager.Transformation;

namespace SecretsManager.Commands
{
    /// <summary>
    /// Replicates secrets to other regions (ReplicateSecretToRegions). The replica regions are -ReplicaRegion;
    /// -Region stays the region of the primary secret, as on every cmdlet.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "SmSecretReplica", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SecretOperationResult))]
    public sealed class AddSmSecretReplicaCommand : SecretTargetCmdlet
    {
        /// <summary>Regions to replicate to: names ('eu-west-1'), or @{ Region = 'eu-west-1'; KmsKeyId = 'alias/app' } entries.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [Alias("AddReplicaRegions")]
        [ReplicaRegionTransformation]
        [ValidateCount(ModelConstraints.AddReplicaRegionListTypeMinLength, int.MaxValue)]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public ReplicaRegionType[] ReplicaRegion { get; set; }

        /// <summary>Overwrite a secret of the same name in a replica region.</summary>
        [Parameter]
        public SwitchParameter ForceOverwriteReplicaSecret { get; set; }

        /// <inheritdoc/>
        protected override void ProcessSecret(string id)
        {
            string regions = string.Join(", ", ReplicaRegion.Select(r => r.KmsKeyId == null ? r.Region : $"{r.Region} (key {r.KmsKeyId})"));
            if (!ShouldChange($"Replicate secret {Quoted(id)} to {regions}")) return;
            var request = new ReplicateSecretToRegionsRequest
            {
                SecretId = id,
                AddReplicaRegions = ReplicaRegion.ToList(),
                ForceOverwriteReplicaSecret = ForceOverwriteReplicaSecret.IsPresent ? true : (bool?)null,
            };
            if (!TryCall(id, "ReplicateSecretToRegions", () => ClientFor(id).ReplicateSecretToRegions(request), out var response)) return;
            var result = SecretOperationResult.Of("ReplicateSecretToRegions", id, arn: response.ARN);
            result.ReplicationStatus = SecretReplicaStatus.FromList(response.ReplicationStatus);
            WriteObject(result);
        }
    }
}
