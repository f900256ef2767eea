using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SecretsManager.Completion;
using SecretsManager.Conversion;
using SecretsManager.Engine.Model;
using SecretsManager.Transformation;
using SecretsManager.Validation;

namespace SecretsManager.Commands
{
    /// <summary>
    /// Gets secrets' metadata: with -SecretId, DescribeSecret per id; otherwise ListSecrets, every page, lazily,
    /// narrowed by -Name (wildcards), -Tag and -Filter. Never reads a value.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SmSecret", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Secret))]
    public sealed class GetSmSecretCommand : SecretsManagerCmdlet
    {
        private const string ListSet = "List";
        private const string DescribeSet = "Describe";
        private ulong _skipped;
        private ulong _written;
        private ulong _total;

        /// <summary>The secrets to describe: names, ARNs or partial ARNs. Takes pipeline input.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = DescribeSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ARN", "Id")]
        [SecretIdTransformation]
        [ValidateLength(ModelConstraints.SecretIdTypeMinLength, ModelConstraints.SecretIdTypeMaxLength)]
        [ArgumentCompleter(typeof(SecretIdCompleter))]
        public string[] SecretId { get; set; }

        /// <summary>
        /// Names to list; wildcards allowed ('app/*'). The literal prefix is filtered on the server. A full ARN here
        /// is described, as with -SecretId.
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

            var query = new SecretListQuery(names, Tag, Filter);
            var request = new ListSecretsRequest
            {
                Filters = query.ServerFilters.Count > 0 ? query.ServerFilters : null,
                IncludePlannedDeletion = IncludePlannedDeletion.IsPresent ? true : (bool?)null,
                SortBy = ValidateModelEnumAttribute.Canonical(ModelConstraints.SortByTypeValues, SortBy),
                SortOrder = ValidateModelEnumAttribute.Canonical(ModelConstraints.SortOrderTypeValues, SortOrder),
            };
            var literalNames = new Dictionary<string, bool>();
            if (names != null)
            {
                foreach (string n in names) if (SecretListQuery.IsLiteral(n)) literalNames[n] = false;
            }
            bool stoppedEarly = false;
            foreach (SecretListEntry entry in Enumerate(null, "ListSecrets", Client.ListSecretsAll(request)))
            {
                if (!query.Matches(entry)) continue;
                foreach (string literal in new List<string>(literalNames.Keys))
                {
                    if (string.Equals(literal, entry.Name, System.StringComparison.OrdinalIgnoreCase)) literalNames[literal] = true;
                }
                if (!Emit(Secret.From(entry)) && !PagingParameters.IncludeTotalCount)
                {
                    stoppedEarly = true;
                    break;
                }
            }
            // Like Get-Item: a name without wildcards that matches nothing is an error; a pattern that matches nothing is not.
            foreach (var literal in literalNames)
            {
                if (!literal.Value && !stoppedEarly)
                {
                    var notFound = new ItemNotFoundException($"Secrets Manager can't find a secret named '{literal.Key}'.");
                    WriteError(new ErrorRecord(notFound, "ResourceNotFoundException", ErrorCategory.ObjectNotFound, literal.Key));
                }
            }
            if (PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount(_total, 1.0));
        }

        /// <summary>DescribeSecret per id; false once -First objects have been written.</summary>
        private bool Describe(IEnumerable<string> ids)
        {
            foreach (string id in ids)
            {
                if (TryCall(id, "DescribeSecret", () => ClientFor(id).DescribeSecret(new DescribeSecretRequest { SecretId = id }), out var response))
                {
                    if (!Emit(Secret.From(response))) return false;
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

        /// <summary>Applies -Skip/-First; false once -First objects have been written.</summary>
        private bool Emit(Secret secret)
        {
            _total++;
            if (_skipped < PagingParameters.Skip)
            {
                _skipped++;
                return true;
            }
            if (_written >= PagingParameters.First) return false;
            WriteObject(WithView(secret));
            _written++;
            return _written < PagingParameters.First;
        }
    }
}
