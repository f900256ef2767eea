using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using SecretsManager.Engine.LocalEndpoints;
using SecretsManager.Engine.Model;
using SecretsManager.Errors;
using SecretsManager.LocalEndpoints;
using SecretsManager.Validation;

namespace SecretsManager.Commands
{
    /// <summary>
    /// Starts SecretsManager.Local (the secretsmanager-local .NET tool) on a free loopback port for offline tests and
    /// returns where it answers; -SetDefault points every *-Sm* cmdlet of the session at it.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "SmLocalEndpoint")]
    [OutputType(typeof(LocalEndpoint))]
    public sealed class StartSmLocalEndpointCommand : PSCmdlet
    {
        /// <summary>The folder the tool was installed into with dotnet tool install --tool-path. Default: PATH.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ToolPath { get; set; }

        /// <summary>The command line that starts SecretsManager.Local instead of the tool, e.g. 'dotnet', 'path/SecretsManager.Local.dll'.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] Command { get; set; }

        /// <summary>Rotation functions: @{ Name = 'command' }, each passed as --rotation-function Name=command.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable RotationFunction { get; set; }

        /// <summary>Set $PSDefaultParameterValues for *-Sm*:EndpointUrl, Region and Credential in this session.</summary>
        [Parameter]
        public SwitchParameter SetDefault { get; set; }

        /// <summary>The region to use with the endpoint (its state is kept per region). Default us-east-1.</summary>
        [Parameter]
        [ValidateLength(ModelConstraints.RegionTypeMinLength, ModelConstraints.RegionTypeMaxLength)]
        [ValidateRegionName]
        [ValidatePattern(ModelConstraints.RegionTypePattern)]
        public string Region { get; set; } = "us-east-1";

        /// <summary>The access key requests must be signed with. Default test.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string AccessKey { get; set; } = "test";

        /// <summary>The secret key requests must be signed with. Default test.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string SecretKey { get; set; } = "test";

        /// <summary>
        /// The 12-digit account id the endpoint plays, in every ARN it makes. Default 123456789012. Two endpoints with
        /// different ids stand for two AWS accounts (Copy-SmSecret between accounts).
        /// </summary>
        [Parameter]
        [ValidatePattern(@"^[0-9]{12}$")]
        public string AccountId { get; set; } = DefaultAccountId;

        /// <summary>SecretsManager.Local's own default account id.</summary>
        public const string DefaultAccountId = "123456789012";

        /// <summary>How long to wait for the endpoint to answer, in seconds. Default 60.</summary>
        [Parameter]
        [ValidateRange(1, 600)]
        public int TimeoutSec { get; set; } = 60;

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            IReadOnlyList<string> command;
            try
            {
                string toolPath = ToolPath == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(ToolPath);
                command = LocalEndpointLauncher.Resolve(Command, toolPath, Environment.GetEnvironmentVariable("PATH"));
            }
            catch (FileNotFoundException e)
            {
                ThrowTerminatingError(ErrorRecordFactory.Local(new ConfigurationException("LocalEndpointNotInstalled", e.Message, innerException: e), ErrorCategory.ObjectNotFound, ToolPath ?? LocalEndpointLauncher.ToolCommand));
                return;
            }
            var arguments = new List<string> { "--access-key", AccessKey, "--secret-key", SecretKey };
            // Only when asked: a -Command that runs an older SecretsManager.Local still starts without it.
            if (AccountId != DefaultAccountId) arguments.AddRange(new[] { "--account-id", AccountId });
            foreach (DictionaryEntry function in RotationFunction ?? new Hashtable())
            {
                arguments.Add("--rotation-function");
                arguments.Add($"{function.Key}={function.Value}");
            }
            WriteVerbose($"Starting {string.Join(" ", command)} --port 0");
            LocalEndpointProcess running;
            try
            {
                running = LocalEndpointLauncher.Start(command, arguments, TimeSpan.FromSeconds(TimeoutSec));
            }
            catch (Exception e) when (e is FileNotFoundException || e is InvalidOperationException)
            {
                var failure = e is FileNotFoundException
                    ? new ConfigurationException("LocalEndpointNotInstalled", e.Message, innerException: e)
                    : new SecretsManagerException("LocalEndpointDidNotStart", e.Message, innerException: e);
                ThrowTerminatingError(ErrorRecordFactory.Local(failure, e is FileNotFoundException ? ErrorCategory.ObjectNotFound : ErrorCategory.OpenError, string.Join(" ", command)));
                return;
            }
            var endpoint = new LocalEndpoint(running, Region, AccessKey, SecretKey, AccountId);
            // A new endpoint holds no secrets: nothing cached from an earlier one at the same URL may be served.
            SecretsManager.Engine.Workflows.Caching.SecretCache.Shared.EvictEndpoint(endpoint.Url);
            LocalEndpointRegistry.Add(endpoint);
            if (SetDefault) SetDefaults(endpoint);
            WriteObject(endpoint);
        }

        private void SetDefaults(LocalEndpoint endpoint)
        {
            var table = SessionState.PSVariable.GetValue("PSDefaultParameterValues") as IDictionary;
            if (table == null)
            {
                table = new DefaultParameterDictionary();
                SessionState.PSVariable.Set("PSDefaultParameterValues", table);
            }
            var values = new Dictionary<string, object>
            {
                ["*-Sm*:EndpointUrl"] = endpoint.Url,
                ["*-Sm*:Region"] = endpoint.Region,
                ["*-Sm*:Credential"] = endpoint.Credential,
            };
            // An entry another endpoint of this session set is this one's now: stopping that other endpoint must
            // leave it alone, even where the values are equal (two endpoints in the same region set the same string).
            foreach (var other in LocalEndpointRegistry.OfThisSession)
            {
                if (ReferenceEquals(other, endpoint) || !ReferenceEquals(other.DefaultsTable, table)) continue;
                foreach (var key in values.Keys) other.DefaultsSet.Remove(key);
            }
            foreach (var pair in values)
            {
                table[pair.Key] = pair.Value;
                endpoint.DefaultsSet[pair.Key] = pair.Value;
            }
            endpoint.DefaultsTable = table;
            WriteVerbose($"Every *-Sm* cmdlet of this session now uses {endpoint.Url} ($PSDefaultParameterValues); Stop-SmLocalEndpoint removes these entries.");
        }
    }
}
