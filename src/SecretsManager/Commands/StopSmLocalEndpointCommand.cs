using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SecretsManager.Engine.LocalEndpoints;
using SecretsManager.LocalEndpoints;

namespace SecretsManager.Commands
{
    /// <summary>
    /// Stops a SecretsManager.Local this session started (with its child processes), waits for it to exit, and
    /// removes the $PSDefaultParameterValues entries its -SetDefault added. Never touches a process it didn't start.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "SmLocalEndpoint", DefaultParameterSetName = EndpointSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    public sealed class StopSmLocalEndpointCommand : PSCmdlet
    {
        private const string EndpointSet = "Endpoint";
        private const string AllSet = "All";

        /// <summary>The endpoint Start-SmLocalEndpoint returned. Takes pipeline input.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = EndpointSet)]
        [AllowNull]
        public LocalEndpoint[] Endpoint { get; set; }

        /// <summary>Every endpoint this session (runspace) started and has not stopped.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AllSet)]
        public SwitchParameter All { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            IEnumerable<LocalEndpoint> endpoints = All ? LocalEndpointRegistry.OfThisSession : (Endpoint ?? new LocalEndpoint[0]).Where(e => e != null);
            foreach (var endpoint in endpoints)
            {
                if (!LocalEndpointRegistry.Owns(endpoint))
                {
                    WriteVerbose($"{endpoint.Url} (process {endpoint.ProcessId}) was stopped before, or not started by this session: left alone.");
                    continue;
                }
                if (!ShouldProcess($"SecretsManager.Local at {endpoint.Url} (process {endpoint.ProcessId})", "Stop")) continue;
                if (!LocalEndpointLauncher.Stop(endpoint.Running.Process))
                {
                    WriteVerbose($"SecretsManager.Local at {endpoint.Url} had already exited (code {SafeExitCode(endpoint)}).");
                }
                RemoveDefaults(endpoint);
                LocalEndpointRegistry.Remove(endpoint);
            }
        }

        private static string SafeExitCode(LocalEndpoint endpoint)
        {
            try { return endpoint.Running.Process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture); }
            catch (System.InvalidOperationException) { return "unknown"; }
        }

        private static void RemoveDefaults(LocalEndpoint endpoint)
        {
            var table = endpoint.DefaultsTable;
            if (table == null) return;
            // Only entries that still hold what -SetDefault put there: a value changed since is the user's.
            foreach (var pair in endpoint.DefaultsSet)
            {
                if (table.Contains(pair.Key) && ReferenceEquals(table[pair.Key], pair.Value)) table.Remove(pair.Key);
            }
        }
    }
}
