using System.Management.Automation;
using SecretsManager.LocalEndpoints;

namespace SecretsManager.Commands
{
    /// <summary>Forgets every secret in every region of a SecretsManager.Local and puts its clock back to real time.</summary>
    [Cmdlet(VerbsCommon.Reset, "SmLocalEndpoint", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    public sealed class ResetSmLocalEndpointCommand : PSCmdlet
    {
        /// <summary>The endpoint; default the one endpoint this session started.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        public LocalEndpoint Endpoint { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            var endpoint = LocalEndpointTarget.Resolve(this, Endpoint);
            if (!ShouldProcess($"SecretsManager.Local at {endpoint.Url}", "Forget every secret")) return;
            LocalEndpointTarget.Invoke(this, endpoint, () => LocalEndpointHooks.Reset(endpoint));
        }
    }
}
