using System.Management.Automation;
using SecretsManager.Engine.Workflows.Caching;
using SecretsManager.Transformation;

namespace SecretsManager.Commands
{
    /// <summary>
    /// Empties the module's read cache (what Get-SmSecretValue -MaxAge and the vault's CacheSeconds serve), or only the
    /// entries of the secrets given. The cache belongs to the process: every runspace shares it.
    /// </summary>
    [Cmdlet(VerbsCommon.Clear, "SmSecretCache", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    public sealed class ClearSmSecretCacheCommand : PSCmdlet
    {
        private int _dropped;

        /// <summary>Only these secrets: names, ARNs or partial ARNs as they were read. Takes pipeline input.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name", "ARN", "Id")]
        [SecretIdTransformation]
        [ValidateNotNullOrEmpty]
        public string[] SecretId { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            if (SecretId == null)
            {
                if (!ShouldProcess("the read cache of this process", $"Forget all {SecretCache.Shared.Count} cached entries")) return;
                _dropped += SecretCache.Shared.Clear();
                return;
            }
            foreach (string id in SecretId)
            {
                if (!ShouldProcess("the read cache of this process", $"Forget what is cached for secret '{id}'")) continue;
                _dropped += SecretCache.Shared.Evict(id);
            }
        }

        /// <inheritdoc/>
        protected override void EndProcessing() => WriteVerbose($"Dropped {_dropped} cached entries; {SecretCache.Shared.Count} remain.");
    }
}
