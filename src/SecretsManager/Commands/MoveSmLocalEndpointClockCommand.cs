using System;
using System.Management.Automation;
using SecretsManager.Errors;
using SecretsManager.LocalEndpoints;

namespace SecretsManager.Commands
{
    /// <summary>
    /// Moves a SecretsManager.Local's clock forward: recovery windows end and scheduled rotations fall due, so a test
    /// covers days in seconds. Writes the endpoint's new time.
    /// </summary>
    [Cmdlet(VerbsCommon.Move, "SmLocalEndpointClock")]
    [OutputType(typeof(DateTime))]
    public sealed class MoveSmLocalEndpointClockCommand : PSCmdlet
    {
        /// <summary>How far to move the clock forward, e.g. ([timespan]'8.00:00:00') for 8 days.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        public TimeSpan By { get; set; }

        /// <summary>The endpoint; default the one endpoint this session started.</summary>
        [Parameter(Position = 1, ValueFromPipeline = true)]
        public LocalEndpoint Endpoint { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            if (By < TimeSpan.Zero)
            {
                ThrowTerminatingError(ErrorRecordFactory.Local(new InvalidRequestException("NegativeClockMove", "-By must not be negative: the clock only moves forward."), ErrorCategory.InvalidArgument, By));
            }
            var endpoint = LocalEndpointTarget.Resolve(this, Endpoint);
            LocalEndpointTarget.Invoke(this, endpoint, () => WriteObject(LocalEndpointHooks.Advance(endpoint, By).ToLocalTime()));
        }
    }
}
