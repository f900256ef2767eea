using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SecretsManager.Completion;
using SecretsManager.Conversion;
using SecretsManager.Engine.Conversion;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Progress;
using SecretsManager.Engine.Workflows.Caching;
using SecretsManager.Engine.Workflows.Reading;
using SecretsManager.Errors;
using SecretsManager.Transformation;
using SecretsManager.Validation;

namespace SecretsManager.Commands
{
    /// <summary>
    /// Reads secret values. By default each value is a SecretValue whose SecretString is a SecureString;
    /// -AsPlainText, -AsHashtable and -AsCredential convert it. Several ids (an array or pipeline input) are read
    /// with BatchGetSecretValue, 20 per call; -VersionId/-VersionStage read with GetSecretValue per id; -Filter
    /// reads every secret the filters match. -MaxAge serves values the module's read cache holds when they are young
    /// enough, and reads only the others; -AllowStale serves a cached value when Secrets Manager can't answer.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SmSecretValue", DefaultParameterSetName = ById)]
    [OutputType(typeof(SecretValue), ParameterSetName = new[] { ById, ByFilter })]
    [OutputType(typeof(System.Security.SecureString), ParameterSetName = new[] { ById, ByFilter })]
    [OutputType(typeof(string), ParameterSetName = new[] { ByIdPlainText, ByFilterPlainText })]
    [OutputType(typeof(System.Collections.Hashtable), ParameterSetName = new[] { ByIdHashtable, ByFilterHashtable })]
    [OutputType(typeof(PSCredential), ParameterSetName = new[] { ByIdCredential, ByFilterCredential })]
    public sealed class GetSmSecretValueCommand : SecretsManagerCmdlet
    {
        private const string ById = "ById";
        private const string ByIdPlainText = "ByIdAsPlainText";
        private const string ByIdHashtable = "ByIdAsHashtable";
        private const string ByIdCredential = "ByIdAsCredential";
        private const string ByFilter = "ByFilter";
        private const string ByFilterPlainText = "ByFilterAsPlainText";
        private const string ByFilterHashtable = "ByFilterAsHashtable";
        private const string ByFilterCredential = "ByFilterAsCredential";

        private SecretValueReader _reader;
        private ProgressPacer _pacer;

        /// <summary>The secrets: names, ARNs or partial ARNs. Takes pipeline input, e.g. from Get-SmSecret.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ById, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdPlainText, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdHashtable, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdCredential, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name", "ARN", "Id")]
        [SecretIdTransformation]
        [ValidateLength(ModelConstraints.SecretIdTypeMinLength, ModelConstraints.SecretIdTypeMaxLength)]
        [ArgumentCompleter(typeof(SecretIdCompleter))]
        public string[] SecretId { get; set; }

        /// <summary>A version id (32–64 characters); binds from SecretVersion objects on the pipeline.</summary>
        [Parameter(ParameterSetName = ById, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ByIdPlainText, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ByIdHashtable, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ByIdCredential, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [ValidateOptionalLength(ModelConstraints.SecretVersionIdTypeMinLength, ModelConstraints.SecretVersionIdTypeMaxLength)]
        [ArgumentCompleter(typeof(VersionIdCompleter))]
        public string VersionId { get; set; }

        /// <summary>A staging label, e.g. AWSPREVIOUS. Default AWSCURRENT.</summary>
        [Parameter(ParameterSetName = ById)]
        [Parameter(ParameterSetName = ByIdPlainText)]
        [Parameter(ParameterSetName = ByIdHashtable)]
        [Parameter(ParameterSetName = ByIdCredential)]
        [ValidateLength(ModelConstraints.SecretVersionStageTypeMinLength, ModelConstraints.SecretVersionStageTypeMaxLength)]
        [ArgumentCompleter(typeof(VersionStageCompleter))]
        public string VersionStage { get; set; }

        /// <summary>Read every secret these filters match (hashtable keyed by filter name, or Filter objects).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByFilter)]
        [Parameter(Mandatory = true, ParameterSetName = ByFilterPlainText)]
        [Parameter(Mandatory = true, ParameterSetName = ByFilterHashtable)]
        [Parameter(Mandatory = true, ParameterSetName = ByFilterCredential)]
        [FilterTransformation]
        [ValidateFilters]
        public Filter[] Filter { get; set; }

        /// <summary>
        /// Read one key of a JSON-object value, e.g. -Key password: a SecureString, or a string with -AsPlainText.
        /// A value that isn't a JSON object, or lacks the key, is an error for that secret.
        /// </summary>
        [Parameter(ParameterSetName = ById)]
        [Parameter(ParameterSetName = ByIdPlainText)]
        [Parameter(ParameterSetName = ByFilter)]
        [Parameter(ParameterSetName = ByFilterPlainText)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ValueKeyCompleter))]
        public string Key { get; set; }

        /// <summary>Emit the SecretString as a plain string.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByIdPlainText)]
        [Parameter(Mandatory = true, ParameterSetName = ByFilterPlainText)]
        public SwitchParameter AsPlainText { get; set; }

        /// <summary>Parse a JSON SecretString into a hashtable.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByIdHashtable)]
        [Parameter(Mandatory = true, ParameterSetName = ByFilterHashtable)]
        public SwitchParameter AsHashtable { get; set; }

        /// <summary>Turn a JSON SecretString with username and password into a PSCredential.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByIdCredential)]
        [Parameter(Mandatory = true, ParameterSetName = ByFilterCredential)]
        public SwitchParameter AsCredential { get; set; }

        /// <summary>
        /// Serve a value from the module's read cache when it is younger than this (a TimeSpan, or a number of seconds);
        /// an older one is checked against the secret's versions and read again only if it changed. Without -MaxAge
        /// every read is fresh. A value read by -VersionId never changes, so it is served at any age.
        /// </summary>
        [Parameter(ParameterSetName = ById)]
        [Parameter(ParameterSetName = ByIdPlainText)]
        [Parameter(ParameterSetName = ByIdHashtable)]
        [Parameter(ParameterSetName = ByIdCredential)]
        [CacheAgeTransformation]
        public TimeSpan? MaxAge { get; set; }

        /// <summary>
        /// When Secrets Manager can't be reached, throttles or fails on its side, serve the value the cache holds
        /// (of any age) with a warning instead of an error.
        /// </summary>
        [Parameter(ParameterSetName = ById)]
        [Parameter(ParameterSetName = ByIdPlainText)]
        [Parameter(ParameterSetName = ByIdHashtable)]
        [Parameter(ParameterSetName = ByIdCredential)]
        public SwitchParameter AllowStale { get; set; }

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            string problem = CachePolicy.MaxAgeProblem(MaxAge);
            if (problem != null) ThrowArgumentError("NegativeMaxAge", problem);
        }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            if (Filter != null)
            {
                _pacer = new ProgressPacer(null);
                foreach (var read in Enumerate(null, "BatchGetSecretValue", SecretValueReader.ByFilter(Client, Filter.ToList())))
                {
                    WriteProgressUpdate(_pacer.Next(read.RequestedId));
                    WriteRead(read);
                }
                return;
            }
            if (_reader == null)
            {
                _reader = new SecretValueReader(ClientFor, VersionId, VersionStage, new CachePolicy(SecretCache.Shared, MaxAge, AllowStale));
                _pacer = new ProgressPacer(MyInvocation.ExpectingInput ? (int?)null : SecretId.Length);
            }
            foreach (string id in SecretId)
            {
                WriteProgressUpdate(_pacer.Next(id));
                if (TryRun(id, () => _reader.Add(id), out var done)) WriteReads(done);
            }
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            if (_reader != null && TryRun(null, () => _reader.Complete(), out var done)) WriteReads(done);
            WriteProgressUpdate(_pacer?.Complete());
        }

        // In the order the ids came in, so -ErrorAction Stop stops where the input failed.
        private void WriteReads(IEnumerable<SecretRead> reads)
        {
            foreach (var read in reads) WriteRead(read);
        }

        private void WriteRead(SecretRead read)
        {
            if (read.Error != null)
            {
                WriteError(ErrorRecordFactory.FromServiceException(read.Error, read.RequestedId));
                return;
            }
            if (read.Unreachable != null)
            {
                // -AllowStale had nothing cached for it: as without -AllowStale, no other read can succeed.
                ThrowTerminatingError(ErrorRecordFactory.FromConnectionException(read.Unreachable, read.RequestedId));
            }
            if (read.StaleBecause != null) WriteWarning(StaleWarning.For(read.RequestedId, read.Age, read.StaleBecause));
            var value = read.Value;
            Emit(value.Name ?? read.RequestedId, value.SecretString, value.SecretBinary, () => SecretValue.From(value));
        }

        private void EmitKey(string name, string secretString)
        {
            string value;
            try
            {
                value = SecretJsonKeys.ReadKey(secretString, Key);
            }
            catch (FormatException e)
            {
                WriteError(ErrorRecordFactory.Local(new SecretValueException("SecretValueNotJson", $"Secret '{name}': {e.Message} -Key reads a key of a JSON object.", name, innerException: e), ErrorCategory.InvalidData, name));
                return;
            }
            catch (KeyNotFoundException e)
            {
                WriteError(ErrorRecordFactory.Local(new SecretValueException("SecretKeyNotFound", $"Secret '{name}': {e.Message}", name, innerException: e), ErrorCategory.ObjectNotFound, name));
                return;
            }
            if (AsPlainText) WriteObject(value);
            else WriteObject(SecureStringConverter.ToSecureString(value));
        }

        private void Emit(string name, string secretString, byte[] secretBinary, Func<SecretValue> full)
        {
            if (Key == null && !AsPlainText && !AsHashtable && !AsCredential)
            {
                WriteObject(full());
                return;
            }
            if (secretString == null)
            {
                string what = secretBinary != null ? "holds SecretBinary, not SecretString" : "has no SecretString";
                WriteError(ErrorRecordFactory.Local(new SecretValueException("SecretValueNotText",
                    $"Secret '{name}' {what}; read it without -Key, -AsPlainText, -AsHashtable or -AsCredential.", name), ErrorCategory.InvalidType, name));
                return;
            }
            if (Key != null)
            {
                EmitKey(name, secretString);
            }
            else if (AsPlainText)
            {
                WriteObject(secretString);
            }
            else if (AsHashtable)
            {
                try
                {
                    WriteObject(SecretJsonConverter.ToHashtable(secretString));
                }
                catch (FormatException e)
                {
                    WriteError(ErrorRecordFactory.Local(new SecretValueException("SecretValueNotJson", $"Secret '{name}': {e.Message}", name, innerException: e), ErrorCategory.InvalidData, name));
                }
            }
            else if (SecretJsonConverter.TryGetCredential(secretString, out string username, out string password) && !string.IsNullOrEmpty(username))
            {
                WriteObject(new PSCredential(username, SecureStringConverter.ToSecureString(password)));
            }
            else
            {
                WriteError(ErrorRecordFactory.Local(new SecretValueException("SecretValueNotCredential",
                    $"Secret '{name}' is not a JSON object with a non-empty 'username' and a 'password', so it can't be a PSCredential.", name), ErrorCategory.InvalidData, name));
            }
        }
    }
}
