using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SecretsManager.Completion;
using SecretsManager.Connection;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Workflows.Copying;
using SecretsManager.Errors;
using SecretsManager.Transformation;
using SecretsManager.Validation;

namespace SecretsManager.Commands
{
    /// <summary>
    /// Base of Compare-SmSecret and Copy-SmSecret: the source secrets (-SecretId from the pipeline, or -Name
    /// patterns), the destination's own connection (-Destination*), the name map, and the plan the engine builds from
    /// them before anything is written. The cmdlet then writes the plan (Compare) or carries it out (Copy).
    /// </summary>
    public abstract class SecretCopyCmdlet : SecretsManagerCmdlet
    {
        /// <summary>The parameter set of -SecretId.</summary>
        protected const string ByIdSet = "SecretId";

        /// <summary>The parameter set of -Name.</summary>
        protected const string ByNameSet = "Name";

        /// <summary>
        /// The parameter set of -InputObject (Compare-SmSecret's rows), the default: PowerShell binds a piped object to
        /// the default set first, so a comparison row binds here whole, and never its ARN (null for a row only in the
        /// destination) to -SecretId.
        /// </summary>
        protected const string ByComparisonSet = "InputObject";

        private readonly List<string> _ids = new List<string>();
        private readonly List<CopySource> _destinationOnly = new List<CopySource>();

        /// <summary>The source secrets: names, ARNs or partial ARNs. Takes pipeline input, e.g. from Get-SmSecret.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ARN", "Id")]
        [SecretIdTransformation]
        [ValidateLength(ModelConstraints.SecretIdTypeMinLength, ModelConstraints.SecretIdTypeMaxLength)]
        [ArgumentCompleter(typeof(SecretIdCompleter))]
        public string[] SecretId { get; set; }

        /// <summary>
        /// Rows of Compare-SmSecret, from the pipeline: each row's source secret (its ARN). A row only in the
        /// destination has no source, and is reported as skipped (SkipReason 'no source').
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ByComparisonSet, ValueFromPipeline = true)]
        public SecretComparison InputObject { get; set; }

        /// <summary>Source names to list; wildcards allowed ('app/*'), as with Get-SmSecret -Name.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByNameSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SecretIdCompleter))]
        public string[] Name { get; set; }

        /// <summary>The destination's region. Otherwise AWS_REGION, AWS_DEFAULT_REGION or the destination profile's region.</summary>
        [Parameter]
        [ValidateLength(ModelConstraints.RegionTypeMinLength, ModelConstraints.RegionTypeMaxLength)]
        [ValidateRegionName]
        [ValidatePattern(ModelConstraints.RegionTypePattern)]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string DestinationRegion { get; set; }

        /// <summary>The destination's profile in the shared AWS config and credentials files.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string DestinationProfileName { get; set; }

        /// <summary>The destination's credentials, as -Credential takes them.</summary>
        [Parameter]
        [AwsCredentialTransformation]
        [ValidateNotNull]
        public PSCredential DestinationCredential { get; set; }

        /// <summary>An endpoint URL for the destination, e.g. a second SecretsManager.Local.</summary>
        [Parameter]
        [ValidateEndpointUrl]
        public string DestinationEndpointUrl { get; set; }

        /// <summary>Put this before every source name to make the destination name, e.g. 'dr/'.</summary>
        [Parameter]
        [ValidateLength(1, ModelConstraints.NameTypeMaxLength - 1)]
        [ValidatePattern(DestinationNames.NamePattern)]
        public string DestinationPrefix { get; set; }

        /// <summary>A script block that gets the source name as $_ and returns the destination name.</summary>
        [Parameter]
        [ValidateNotNull]
        public ScriptBlock DestinationName { get; set; }

        /// <summary>The KMS key (id, ARN or alias of the destination) that encrypts the copies.</summary>
        [Parameter]
        [ValidateLength(1, ModelConstraints.KmsKeyIdTypeMaxLength)]
        public string DestinationKmsKeyId { get; set; }

        /// <summary>Leave resource policies out: neither compared nor copied.</summary>
        [Parameter]
        public SwitchParameter NoPolicy { get; set; }

        /// <summary>Also compare and copy the AWSPREVIOUS version.</summary>
        [Parameter]
        public SwitchParameter IncludePreviousVersion { get; set; }

        /// <summary>Also include secrets scheduled for deletion (the copy is not scheduled for deletion).</summary>
        [Parameter]
        public SwitchParameter IncludePlannedDeletion { get; set; }

        /// <summary>The destination's client, once EndProcessing has made it.</summary>
        protected ISecretsManagerClient Destination { get; private set; }

        /// <summary>Writes the plan (Compare) or carries it out (Copy).</summary>
        protected abstract void WritePlan(CopyPlan plan);

        /// <summary>Checks a cmdlet's own parameters before anything is read; throw with <see cref="SecretsManagerCmdlet.ThrowArgumentError"/>.</summary>
        protected virtual void CheckParameters() { }

        /// <summary>True when the plan is only compared, never applied: values nothing compares are not read.</summary>
        protected virtual bool CompareOnly => false;

        /// <summary>Destination name patterns whose unmatched secrets are reported; null for none.</summary>
        protected virtual IEnumerable<string> DestinationOnlyPatterns() => null;

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            // Everything is planned at the end: the destination is listed once for all the secrets.
            if (ParameterSetName == ByIdSet) _ids.AddRange(SecretId);
            else if (ParameterSetName == ByComparisonSet && InputObject != null)
            {
                if (InputObject.Status == SecretComparisonStatus.OnlyInDestination) _destinationOnly.Add(CopySource.InDestinationOnly(InputObject.DestinationName, InputObject.DestinationARN));
                else _ids.Add(InputObject.ARN);
            }
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            if (DestinationPrefix != null && DestinationName != null)
            {
                ThrowArgumentError("DestinationPrefixAndName", "-DestinationPrefix and -DestinationName both name the copies; use one of them.");
            }
            CheckParameters();
            bool byName = ParameterSetName == ByNameSet;
            if (!byName && _ids.Count + _destinationOnly.Count == 0) return;

            var source = Client;
            Destination = CreateDestinationClient();
            WriteVerboseMessage($"From {Describe(source)} to {Describe(Destination)}.");
            var options = new CopyOptions
            {
                IncludePreviousVersion = IncludePreviousVersion,
                IncludePlannedDeletion = IncludePlannedDeletion,
                NoPolicy = NoPolicy,
                DestinationKmsKeyId = DestinationKmsKeyId,
                CompareOnly = CompareOnly,
            };

            IReadOnlyList<CopySource> sources = null;
            if (!Refusable(() => TryRun(null, () => !byName
                    ? SourceFinder.ByIds(_ids, ClientFor, Destination).Concat(_destinationOnly).ToList()
                    : SourceFinder.ByNames(Name, IncludePlannedDeletion, source, Destination), out sources)))
            {
                return;
            }
            var names = MapNames(sources, out var kept);
            Refusable(() =>
            {
                DestinationNames.EnsureOnePerName(names);
                return true;
            });
            CopyPlan plan = null;
            if (!Refusable(() => TryRun(null, () => new CopyPlanner(Destination, options).Plan(kept, names, DestinationOnlyPatterns()), out plan))) return;
            WritePlan(plan);
        }

        // A refusal of the whole run (the destination is the source, two secrets to one name) terminates, before any write.
        private bool Refusable(Func<bool> step)
        {
            try
            {
                return step();
            }
            catch (CopyRefusedException e)
            {
                ThrowArgumentError(e.ErrorCode, e.Message);
                return false;
            }
        }

        // True when the destination names credentials of its own; otherwise it uses the source's.
        private bool OwnDestinationCredentials => DestinationProfileName != null || DestinationCredential != null;

        /// <inheritdoc/>
        protected override string ConfigurationNote(SecretsManagerConfigurationException error) =>
            error.NoCredentials && !OwnDestinationCredentials
                ? "The destination uses the same credentials unless -DestinationCredential or -DestinationProfileName names its own."
                : null;

        // The destination's region and endpoint are its own; its credentials are its own when -DestinationProfileName
        // or -DestinationCredential names them, and otherwise the source's (-ProfileName, -Credential or the same
        // default chain), as an AWS operator copying within one account to another region expects.
        private ISecretsManagerClient CreateDestinationClient()
        {
            bool own = OwnDestinationCredentials;
            var options = own
                ? ClientOptionsBuilder.Build(DestinationRegion, DestinationProfileName, DestinationCredential, DestinationEndpointUrl)
                : ClientOptionsBuilder.Build(DestinationRegion, ProfileName, Credential, DestinationEndpointUrl);
            // The engine's errors name the parameters that set the destination: its own, and the source's credentials
            // when it uses them.
            options.ParameterNames = own
                ? new ConnectionParameterNames("-DestinationRegion", "-DestinationProfileName", "-DestinationCredential", "-DestinationEndpointUrl")
                : new ConnectionParameterNames("-DestinationRegion", "-ProfileName", "-Credential", "-DestinationEndpointUrl");
            try
            {
                var client = SecretsManagerClientFactory.GetOrCreate(options);
                var resolution = client.Resolution;
                if (resolution != null)
                {
                    WriteVerboseMessage(own
                        ? $"Destination credentials: {resolution.CredentialSource}."
                        : $"Destination credentials: the source's, {resolution.CredentialSource} (neither -DestinationProfileName nor -DestinationCredential was given).");
                    WriteDebug($"Destination region '{resolution.Region}' from {resolution.RegionSource}.");
                    WriteDebug($"Destination endpoint {resolution.Endpoint} from {resolution.EndpointSource}.");
                }
                return client;
            }
            catch (SecretsManagerConfigurationException e)
            {
                string message = "Destination: " + e.Message;
                if (e.NoCredentials && !own) message += " " + ConfigurationNote(e);
                var error = new ConfigurationException("SecretsManagerConfiguration", message, innerException: e);
                ThrowTerminatingError(ErrorRecordFactory.Local(error, ErrorCategory.InvalidOperation, null));
                throw; // not reached
            }
        }

        private static string Describe(ISecretsManagerClient client) =>
            client.Resolution == null ? "(unresolved)" : $"{client.Resolution.Endpoint} ({client.Resolution.Region})";

        // -DestinationPrefix or -DestinationName, per source secret; a name that fails or breaks AWS's rules is an
        // error for that secret, and the rest go on.
        private Dictionary<string, string> MapNames(IReadOnlyList<CopySource> sources, out List<CopySource> kept)
        {
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            kept = new List<CopySource>();
            foreach (var source in sources)
            {
                if (source.Error != null || source.OnlyInDestination)
                {
                    kept.Add(source);
                    continue;
                }
                string name = DestinationName == null ? (DestinationPrefix ?? string.Empty) + source.Name : Evaluate(source.Name);
                if (name == null) continue;
                string problem = DestinationNames.Problem(name);
                if (problem != null)
                {
                    WriteError(ErrorRecordFactory.Local(new InvalidRequestException("DestinationNameInvalid",
                        $"Secret '{source.Name}': the destination name '{name}' can't name a secret: {problem}.", source.RequestedId), ErrorCategory.InvalidArgument, source.RequestedId));
                    continue;
                }
                names[source.Name] = name;
                kept.Add(source);
            }
            return names;
        }

        private string Evaluate(string sourceName)
        {
            string failure;
            try
            {
                var results = DestinationName.InvokeWithContext(null, new List<PSVariable> { new PSVariable("_", sourceName) }, sourceName)
                    .Where(r => r != null).Select(r => r.BaseObject).ToList();
                if (results.Count == 1 && results[0] is string name) return name;
                failure = $"it returned {(results.Count == 1 ? "a " + results[0].GetType().Name : results.Count + " objects")}, not one string";
            }
            catch (RuntimeException e)
            {
                failure = $"it failed: {e.Message}";
            }
            WriteError(ErrorRecordFactory.Local(new InvalidRequestException("DestinationNameFailed",
                $"Secret '{sourceName}': -DestinationName gave no destination name: {failure}.", sourceName), ErrorCategory.InvalidArgument, sourceName));
            return null;
        }
    }
}
