using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using SecretsManager.Completion;
using SecretsManager.Conversion;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Workflows.Caching;
using SecretsManager.Engine.Workflows.Reading;
using SecretsManager.Errors;
using SecretsManager.Transformation;
using SecretsManager.Validation;

namespace SecretsManager.Commands
{
    /// <summary>
    /// Gets secrets' metadata: with -SecretId, DescribeSecret per id; otherwise ListSecrets, every page, lazily,
    /// narrowed by -Name (wildcards), -Tag and -Filter. Never reads a value. -MaxAge serves descriptions the module's
    /// read cache holds when they are young enough.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SmSecret", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Secret))]
    public sealed class GetSmSecretCommand : SecretsManagerCmdlet
    {
        private const string ListSet = "List";
        private const string DescribeSet = "Describe";
        private ResultWindow _window;

        /// <summary>The secrets to describe: names, ARNs or partial ARNs. Takes pipeline input.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = DescribeSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ARN", "Id")]
        [SecretIdTransformation]
        [ValidateLength(ModelConstraints.SecretIdTypeMinLength, ModelConstraints.SecretIdTypeMaxLength)]
        [ArgumentCompleter(typeof(SecretIdCompleter))]
        public string[] SecretId { get; set; }

        /// <summary>
        /// Names to list; wildcards allowed ('app/*'), matched case-sensitively, as AWS compares names: 'PROD/*' does
        /// not find 'prod/db' (a warning says so when nothing matched). The literal prefix is filtered on the server.
        /// A full ARN here is described, as with -SecretId.
        /// </summary>
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SecretIdCompleter))]
        public string[] Name { get; set; }

        /// <summary>ListSecrets filters: a hashtable keyed by filter name (name, description, tag-key, tag-value, primary-region, owning-service, all) or Filter objects.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [FilterTransformation]
        [ValidateFilters]
        public Filter[] Filter { get; set; }

        /// <summary>Only secrets with these tags: @{ env = 'prod' } (values may use wildcards; $null means any value).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNull]
        public Hashtable Tag { get; set; }

        /// <summary>Also list secrets that are scheduled for deletion.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter IncludePlannedDeletion { get; set; }

        /// <summary>What the listing is sorted by: created-date (the service default), last-accessed-date, last-changed-date or name.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateModelEnum(ModelConstraints.SortByTypeValues)]
        [ArgumentCompleter(typeof(SortByCompleter))]
        public string SortBy { get; set; }

        /// <summary>The direction of -SortBy: asc (the service default) or desc.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateModelEnum(ModelConstraints.SortOrderTypeValues)]
        [ArgumentCompleter(typeof(SortOrderCompleter))]
        public string SortOrder { get; set; }

        /// <summary>
        /// With -SecretId: serve a description from the module's read cache when it is younger than this (a TimeSpan,
        /// or a number of seconds). Without -MaxAge every description is fresh.
        /// </summary>
        [Parameter(ParameterSetName = DescribeSet)]
        [CacheAgeTransformation]
        public TimeSpan? MaxAge { get; set; }

        /// <summary>
        /// With -SecretId: when Secrets Manager can't be reached, throttles or fails on its side, serve the description
        /// the cache holds (of any age) with a warning instead of an error.
        /// </summary>
        [Parameter(ParameterSetName = DescribeSet)]
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
            if (ParameterSetName == DescribeSet)
            {
                Describe(SecretId);
                return;
            }

            // An ARN given as -Name (the first position) can't be a name: names have no ':'. Describe it, as the
            // AWS CLI's describe-secret would, instead of listing for a name that can't exist.
            string[] names = Name;
            if (names != null && names.Any(IsLiteralArn))
            {
                if (!Describe(names.Where(IsLiteralArn))) return;
                names = names.Where(n => !IsLiteralArn(n)).ToArray();
                if (names.Length == 0) return;
            }

            var listing = new SecretListing(names, TagPatterns(), Filter, IncludePlannedDeletion,
                ValidateModelEnumAttribute.Canonical(ModelConstraints.SortByTypeValues, SortBy),
                ValidateModelEnumAttribute.Canonical(ModelConstraints.SortOrderTypeValues, SortOrder));
            foreach (SecretListEntry entry in Enumerate(null, "ListSecrets", listing.Entries(Client)))
            {
                if (!Emit(Secret.From(entry))) break;
            }
            foreach (string missing in listing.MissingNames)
            {
                // Like Get-Item: a name without wildcards that matches nothing is an error; a pattern that matches nothing is not.
                var notFound = new SecretNotFoundException("ResourceNotFoundException", $"Secrets Manager can't find a secret named '{missing}'.", missing);
                WriteError(ErrorRecordFactory.Local(notFound, ErrorCategory.ObjectNotFound, missing));
            }
            // Nothing matched: say so when the names exist in another case (AWS compares names case-sensitively).
            if (TryRun(null, () => listing.CaseHint(Client), out string hint) && hint != null) WriteWarning(hint);
            if (PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount(Window.Total, 1.0));
        }

        // -Tag as text pairs: keys exactly, values as patterns (null: any value).
        private IEnumerable<KeyValuePair<string, string>> TagPatterns()
        {
            if (Tag == null) yield break;
            foreach (DictionaryEntry entry in Tag)
            {
                yield return new KeyValuePair<string, string>(
                    Convert.ToString(PSObjectConverter.Unwrap(entry.Key), CultureInfo.InvariantCulture),
                    Convert.ToString(PSObjectConverter.Unwrap(entry.Value), CultureInfo.InvariantCulture));
            }
        }

        /// <summary>DescribeSecret per id; false once -First objects have been written.</summary>
        private bool Describe(IEnumerable<string> ids)
        {
            var describer = new CachedDescriber(new CachePolicy(SecretCache.Shared, MaxAge, AllowStale));
            foreach (string id in ids)
            {
                if (TryRun(id, () => describer.Describe(ClientFor(id), id), out var read))
                {
                    if (read.StaleBecause != null) WriteWarning(StaleWarning.For(id, read.Age, read.StaleBecause));
                    if (!Emit(Secret.From(read.Response))) return false;
                }
            }
            return true;
        }

        private static bool IsLiteralArn(string name) => SecretArn.IsArn(name) && SecretListQuery.IsLiteral(name);

        /// <summary>
        /// A listing that includes planned deletions, or a secret scheduled for deletion, is shown with a Deleting
        /// column (the view of type SecretsManager.Secret#PlannedDeletion); every object of such a listing gets it, so
        /// the table stays one table.
        /// </summary>
        private object WithView(Secret secret)
        {
            if (!IncludePlannedDeletion && !secret.PlannedDeletion) return secret;
            var wrapped = PSObject.AsPSObject(secret);
            wrapped.TypeNames.Insert(0, PlannedDeletionView);
            return wrapped;
        }

        /// <summary>The type name that selects the table with the Deleting column.</summary>
        public const string PlannedDeletionView = "SecretsManager.Secret#PlannedDeletion";

        private ResultWindow Window => _window ?? (_window = new ResultWindow(PagingParameters.Skip, PagingParameters.First, PagingParameters.IncludeTotalCount));

        /// <summary>Applies -Skip/-First; false once no more objects are wanted.</summary>
        private bool Emit(Secret secret)
        {
            if (Window.Offer()) WriteObject(WithView(secret));
            return !Window.Full;
        }
    }
}
