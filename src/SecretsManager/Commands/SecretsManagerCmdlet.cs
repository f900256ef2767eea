using System;
using System.Collections.Generic;
using System.Management.Automation;
using SecretsManager.Completion;
using SecretsManager.Connection;
using SecretsManager.Conversion;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Progress;
using SecretsManager.Errors;
using SecretsManager.Loading;
using SecretsManager.Transformation;
using SecretsManager.Validation;

namespace SecretsManager.Commands
{
    /// <summary>
    /// Base of every SecretsManager cmdlet: the connection parameters (-Region, -ProfileName, -Credential,
    /// -EndpointUrl), one cached client per distinct connection, and the rules every cmdlet shares.
    /// </summary>
    /// <remarks>
    /// The rules:
    /// <list type="bullet">
    /// <item>Output: every cmdlet that changes state emits one <see cref="SecretOperationResult"/> per secret it
    /// changed (nothing under -WhatIf), so results can be piped on. Read cmdlets emit the module's own types.</item>
    /// <item>Errors: a service error on one item is a non-terminating error whose ErrorId is the AWS error code and
    /// whose TargetObject is the secret id (<see cref="TryCall{T}(object, string, Func{T}, out T)"/>). Only what stops every item — no region, no
    /// credentials, credentials the service refuses, no connection — terminates.</item>
    /// <item>Confirmation: <see cref="ShouldChange(string)"/> is asked once the target is known, with a message that
    /// names the secret and the effect; -WhatIf sends no changing request.</item>
    /// </list>
    /// </remarks>
    public abstract class SecretsManagerCmdlet : PSCmdlet, IDisposable
    {
        /// <summary>The default of -TimeoutSec: the AWS CLI's read timeout.</summary>
        public const int DefaultTimeoutSec = 60;

        // Cancelled by StopProcessing (Ctrl+C): the call in flight ends at once instead of running to its timeout.
        private readonly System.Threading.CancellationTokenSource _stopping = new System.Threading.CancellationTokenSource();
        private ISecretsManagerClient _client;
        private readonly Dictionary<string, ISecretsManagerClient> _regionalClients = new Dictionary<string, ISecretsManagerClient>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The AWS region, e.g. us-east-1. Otherwise AWS_REGION, AWS_DEFAULT_REGION or the profile's region.</summary>
        [Parameter]
        [ValidateLength(ModelConstraints.RegionTypeMinLength, ModelConstraints.RegionTypeMaxLength)]
        [ValidateRegionName]
        [ValidatePattern(ModelConstraints.RegionTypePattern)]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string Region { get; set; }

        /// <summary>A profile in the shared AWS config and credentials files. Otherwise AWS_PROFILE, then 'default'.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string ProfileName { get; set; }

        /// <summary>
        /// Credentials: a PSCredential whose user name is the access key id and whose password is the secret access
        /// key, or an AWS.Tools credential object (Get-AWSCredential). Otherwise the default credential chain.
        /// </summary>
        [Parameter]
        [AwsCredentialTransformation]
        [ValidateNotNull]
        public PSCredential Credential { get; set; }

        /// <summary>An endpoint URL that replaces the regional endpoint, e.g. http://127.0.0.1:4566.</summary>
        [Parameter]
        [ValidateEndpointUrl]
        public string EndpointUrl { get; set; }

        /// <summary>The most one call to Secrets Manager may take, retries included, in seconds (default 60).</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = DefaultTimeoutSec;

        /// <inheritdoc/>
        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>Fires when PowerShell stops the pipeline (Ctrl+C), for waits between calls.</summary>
        protected System.Threading.CancellationToken StopToken => _stopping.Token;

        /// <summary>Releases the cancellation source of StopProcessing.</summary>
        public void Dispose() => _stopping.Dispose();

        /// <summary>
        /// The client for this invocation's connection settings, created on first use (so -WhatIf never needs one)
        /// and shared with every other invocation that uses the same settings.
        /// </summary>
        protected ISecretsManagerClient Client
        {
            get
            {
                if (_client == null) _client = CreateClient();
                return _client;
            }
        }

        /// <summary>
        /// The client for one secret: <see cref="Client"/>, except for an ARN in another region, which gets a client
        /// for that region. Objects piped from a listing in another region carry such ARNs, and their name alone would
        /// address a different secret, of the same name, in this command's region.
        /// </summary>
        protected ISecretsManagerClient ClientFor(string secretId)
        {
            string arnRegion = SecretArn.RegionOf(secretId);
            var client = Client;
            string region = client.Resolution?.Region ?? Region;
            if (arnRegion == null || string.Equals(arnRegion, region, StringComparison.OrdinalIgnoreCase)) return client;
            if (!_regionalClients.TryGetValue(arnRegion, out var regional))
            {
                WriteDebug($"Secret '{secretId}' is in {arnRegion}: using that region for it, not {region}.");
                regional = CreateClient(arnRegion);
                _regionalClients[arnRegion] = regional;
            }
            return regional;
        }

        private ISecretsManagerClient CreateClient() => CreateClient(Region);

        /// <summary>A sentence added to a configuration error of this cmdlet's client (e.g. what else its credentials serve); null for none.</summary>
        protected virtual string ConfigurationNote(SecretsManagerConfigurationException error) => null;

        private ISecretsManagerClient CreateClient(string region)
        {
            string conflict = DependencyConflicts.Check();
            if (conflict != null)
            {
                ThrowTerminatingError(ErrorRecordFactory.Local(new ConfigurationException("SecretsManagerDependencyConflict", conflict), ErrorCategory.ResourceUnavailable, null));
            }
            var options = ClientOptionsBuilder.Build(region, ProfileName, Credential, EndpointUrl);
            try
            {
                var client = SecretsManagerClientFactory.GetOrCreate(options);
                var resolution = client.Resolution;
                if (resolution != null)
                {
                    WriteDebug($"Region '{resolution.Region}' from {resolution.RegionSource}.");
                    WriteDebug($"Credentials from {resolution.CredentialSource}.");
                    WriteDebug($"Endpoint {resolution.Endpoint} from {resolution.EndpointSource}.");
                    WriteDebug($"Engine on {EngineRuntime.SdkDescription}, load context {ModuleAssemblyLoader.ContextOf(typeof(ISecretsManagerClient).Assembly)}.");
                }
                return client;
            }
            catch (SecretsManagerConfigurationException e)
            {
                string note = ConfigurationNote(e);
                ThrowTerminatingError(ErrorRecordFactory.FromConfigurationException(note == null ? e : new SecretsManagerConfigurationException(e.Message + " " + note, e)));
                throw; // not reached: ThrowTerminatingError always throws
            }
        }

        /// <summary>
        /// Runs one service call for one target. A service error becomes a non-terminating error record for that
        /// target and false; configuration and connection failures and refused credentials terminate, since no other
        /// item can succeed.
        /// </summary>
        protected bool TryCall<T>(object target, string operation, Func<T> call, out T result)
        {
            WriteVerboseMessage(target == null ? $"{operation}" : $"{operation} '{target}'");
            return TryInvoke(target, call, out result);
        }

        /// <summary>
        /// As <see cref="TryCall{T}(object, string, Func{T}, out T)"/> for an engine workflow that makes its own calls
        /// and says which in its notices (written to -Verbose after it returns).
        /// </summary>
        protected bool TryRun<T>(object target, Func<T> workflow, out T result) => TryInvoke(target, workflow, out result);

        private bool TryInvoke<T>(object target, Func<T> call, out T result)
        {
            try
            {
                CallNotices.Prepare();
                try
                {
                    using (CallScope.Enter(_stopping.Token, TimeSpan.FromSeconds(TimeoutSec)))
                    {
                        result = call();
                    }
                }
                finally
                {
                    // Also when the call failed: a workflow's notices say which calls it made.
                    foreach (string notice in CallNotices.Take()) WriteVerboseMessage(notice);
                }
                return true;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // Ctrl+C: PowerShell is stopping this pipeline.
                throw new PipelineStoppedException();
            }
            catch (SecretsManagerOutcomeUnknownException e)
            {
                WriteError(ErrorRecordFactory.FromOutcomeUnknown(e, target));
            }
            catch (SecretsManagerServiceException e) when (e.RejectsCredentials)
            {
                // Refused credentials fail every item alike: one terminating error, not one per secret.
                ThrowTerminatingError(ErrorRecordFactory.FromIdentityFailure(e, target));
            }
            catch (SecretsManagerServiceException e)
            {
                WriteError(ErrorRecordFactory.FromServiceException(e, target));
            }
            catch (SecretsManagerConfigurationException e)
            {
                ThrowTerminatingError(ErrorRecordFactory.FromConfigurationException(e));
            }
            catch (SecretsManagerConnectionException e)
            {
                ThrowTerminatingError(ErrorRecordFactory.FromConnectionException(e, target));
            }
            result = default(T);
            return false;
        }

        /// <summary>
        /// Enumerates a lazily paged sequence, writing each item as it arrives. A service error stops the sequence
        /// with a non-terminating error for <paramref name="target"/>.
        /// </summary>
        protected IEnumerable<T> Enumerate<T>(object target, string operation, IEnumerable<T> source)
        {
            IEnumerator<T> enumerator = null;
            if (!TryCall(target, operation, () => source.GetEnumerator(), out enumerator)) yield break;
            using (enumerator)
            {
                while (true)
                {
                    if (!TryInvoke(target, () => enumerator.MoveNext(), out bool hasItem) || !hasItem) yield break;
                    yield return enumerator.Current;
                }
            }
        }

        /// <summary>
        /// A secret as a confirmation message names it: its name in quotes, also when it came as an ARN (piped from a
        /// listing), and then with the ARN's region when that is not this command's, e.g. "'app/db' in eu-west-1".
        /// </summary>
        protected string Quoted(string secretId)
        {
            string name = SecretArn.NameOf(secretId) ?? secretId;
            string arnRegion = SecretArn.RegionOf(secretId);
            if (arnRegion == null || string.Equals(arnRegion, SessionRegion(), StringComparison.OrdinalIgnoreCase)) return $"'{name}'";
            return $"'{name}' in {arnRegion}";
        }

        // This command's region without creating a client (-WhatIf needs none): -Region (or its default), the client's
        // when one exists, else the environment's. Null when only a profile would tell; the region is then named.
        private string SessionRegion()
        {
            if (!string.IsNullOrEmpty(Region)) return Region;
            if (_client?.Resolution?.Region != null) return _client.Resolution.Region;
            string region = Environment.GetEnvironmentVariable("AWS_REGION");
            if (string.IsNullOrEmpty(region)) region = Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
            return string.IsNullOrEmpty(region) ? null : region;
        }

        /// <summary>Asks -WhatIf/-Confirm about one change described in words, e.g. "Delete secret 'x' (recoverable for 30 days)".</summary>
        protected bool ShouldChange(string description) =>
            ShouldProcess(description, $"{description}?", "Confirm");

        /// <summary>
        /// Like <see cref="ShouldChange(string)"/>, but -Force skips the confirmation prompt. -WhatIf and an explicit
        /// -Confirm still win over -Force.
        /// </summary>
        protected bool ShouldChange(string description, bool force)
        {
            if (force && !IsWhatIf() && !IsSwitchBound("Confirm", true)) return true;
            return ShouldChange(description);
        }

        /// <summary>
        /// For a cmdlet declared ConfirmImpact.Medium whose particular change is high impact (e.g. moving AWSCURRENT):
        /// confirms exactly as a ConfirmImpact.High cmdlet would, unless -Force.
        /// </summary>
        protected bool ShouldChangeHighImpact(string description, bool force)
        {
            if (!ShouldChange(description, force)) return false;
            if (force || IsWhatIf() || MyInvocation.BoundParameters.ContainsKey("Confirm")) return true;
            // ShouldProcess has already prompted when $ConfirmPreference is Low or Medium; High needs the prompt now.
            var preference = GetVariableValue("ConfirmPreference");
            object value = preference is PSObject wrapped ? wrapped.BaseObject : preference;
            if (value is ConfirmImpact impact && impact == ConfirmImpact.High)
            {
                return ShouldContinue($"{description}?", "Confirm");
            }
            return true;
        }

        /// <summary>True under -WhatIf, given or from $WhatIfPreference.</summary>
        protected bool IsWhatIf()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out object bound)) return LanguagePrimitives.IsTrue(bound);
            return LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
        }

        private bool IsSwitchBound(string name, bool value) =>
            MyInvocation.BoundParameters.TryGetValue(name, out object bound) && LanguagePrimitives.IsTrue(bound) == value;

        /// <summary>
        /// WriteVerbose, except under -Debug without -Verbose: PowerShell then sets a binary cmdlet's verbose
        /// preference to Inquire, which would prompt for every message (and fail in -NonInteractive sessions),
        /// so the message goes to the debug stream that -Debug asked for.
        /// </summary>
        protected void WriteVerboseMessage(string message)
        {
            var bound = MyInvocation.BoundParameters;
            if (bound.ContainsKey("Debug") && LanguagePrimitives.IsTrue(bound["Debug"]) && !bound.ContainsKey("Verbose")) WriteDebug(message);
            else WriteVerbose(message);
        }

        /// <summary>Writes a pacer's update, when there is one, as a fresh record under this cmdlet's name.</summary>
        protected void WriteProgressUpdate(ProgressUpdate update)
        {
            if (update != null) WriteProgress(ProgressRecords.For(MyInvocation.MyCommand.Name, update));
        }

        /// <summary>A terminating error for input the parameter binder can't catch, raised before any request.</summary>
        protected void ThrowArgumentError(string errorId, string message, object target = null)
        {
            ThrowTerminatingError(ErrorRecordFactory.Local(new InvalidRequestException(errorId, message, target as string), ErrorCategory.InvalidArgument, target));
        }
    }
}
