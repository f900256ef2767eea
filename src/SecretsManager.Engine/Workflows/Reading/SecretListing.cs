using System;
using System.Collections.Generic;
using System.Linq;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Workflows.Reading
{
    /// <summary>
    /// One listing of secrets for Get-SmSecret: the ListSecrets request (server-side prefixes), the local match, and
    /// which literal names (no wildcard) matched nothing, so that, as with Get-Item, a missing literal is an error and
    /// an empty pattern is not. Names match case-sensitively, as AWS compares them (<see cref="SecretListQuery"/>); a
    /// listing that finds nothing can say whether the names exist in another case (<see cref="CaseHint"/>).
    /// </summary>
    public sealed class SecretListing
    {
        // The most name prefixes a case hint looks up, two cases each: a hint costs at most this many calls more.
        private const int HintedPrefixes = 2;
        private readonly SecretListQuery _query;
        private readonly Dictionary<string, bool> _literals = new Dictionary<string, bool>(StringComparer.Ordinal);
        private bool _complete;
        private int _matched;

        /// <summary>Plans the listing; see <see cref="SecretListQuery"/> for names, tags and filters.</summary>
        public SecretListing(IEnumerable<string> names, IEnumerable<KeyValuePair<string, string>> tags, IEnumerable<Filter> filters,
            bool includePlannedDeletion, string sortBy, string sortOrder)
        {
            var nameList = names?.ToList() ?? new List<string>();
            _query = new SecretListQuery(nameList, tags, filters);
            foreach (string name in nameList.Where(SecretListQuery.IsLiteral)) _literals[name] = false;
            Request = new ListSecretsRequest
            {
                Filters = _query.ServerFilters.Count > 0 ? _query.ServerFilters : null,
                IncludePlannedDeletion = includePlannedDeletion ? true : (bool?)null,
                SortBy = sortBy,
                SortOrder = sortOrder,
            };
        }

        /// <summary>The first page's request (paging copies it).</summary>
        public ListSecretsRequest Request { get; }

        /// <summary>The secrets that match, page by page (lazily); stop enumerating whenever enough have been taken.</summary>
        public IEnumerable<SecretListEntry> Entries(ISecretsManagerClient client)
        {
            if (client == null) throw new ArgumentNullException(nameof(client));
            return EntriesIterator(client);
        }

        private IEnumerable<SecretListEntry> EntriesIterator(ISecretsManagerClient client)
        {
            CallNotices.Add(Describe());
            foreach (SecretListEntry entry in client.ListSecretsAll(Request))
            {
                if (!_query.Matches(entry)) continue;
                _matched++;
                if (entry.Name != null && _literals.ContainsKey(entry.Name)) _literals[entry.Name] = true;
                yield return entry;
            }
            _complete = true;
        }

        // What -Verbose says was sent, and what is matched here.
        private string Describe()
        {
            var filters = (Request.Filters ?? new List<Filter>()).Select(f => $"{f.Key} {string.Join(" or ", f.Values.Select(v => "'" + v + "'"))}").ToList();
            string sent = filters.Count == 0 ? "no filter: every secret is listed, page by page" : "filters " + string.Join("; ", filters);
            string names = _query.NamePatterns.Count == 0 ? string.Empty
                : $"; names matched here as -clike does, case-sensitively like AWS's prefix filter: {string.Join(", ", _query.NamePatterns.Select(n => "'" + n + "'"))}";
            return $"ListSecrets with {sent}{names}.";
        }

        /// <summary>
        /// Once a complete listing matched nothing: whether secret names start with a name pattern's literal start in
        /// another case (all lower, all upper), as a sentence for the caller, else null. It asks ListSecrets for one page
        /// per case, for at most two patterns, and only then; a refused call gives no hint rather than an error.
        /// </summary>
        public string CaseHint(ISecretsManagerClient client)
        {
            if (client == null) throw new ArgumentNullException(nameof(client));
            if (!_complete || _matched > 0) return null;
            var patterns = _query.NamePatterns;
            var prefixes = _query.NamePrefixes;
            int asked = 0;
            for (int i = 0; i < prefixes.Count && asked < HintedPrefixes; i++)
            {
                string prefix = prefixes[i];
                var cases = new[] { prefix.ToLowerInvariant(), prefix.ToUpperInvariant() }
                    .Where(p => p.Any(char.IsLetter) && !string.Equals(p, prefix, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
                if (cases.Count == 0) continue;
                asked++;
                foreach (string other in cases)
                {
                    string found = FirstNameStartingWith(client, other);
                    CallNotices.Add($"ListSecrets with filter name '{other}' (one page), to see whether '{patterns[i]}' exists in another case: {(found == null ? "no" : "yes")}.");
                    if (found == null) continue;
                    return $"No secret name matches '{patterns[i]}': names are case-sensitive, as AWS compares them, and '{found}' starts with '{other}'. " +
                        "Give -Name in the case the names have.";
                }
            }
            return null;
        }

        private string FirstNameStartingWith(ISecretsManagerClient client, string prefix)
        {
            try
            {
                var page = client.ListSecrets(new ListSecretsRequest
                {
                    Filters = new List<Filter> { new Filter { Key = "name", Values = new List<string> { prefix } } },
                    IncludePlannedDeletion = Request.IncludePlannedDeletion,
                    // One full page: a filtered page may hold fewer secrets than asked for.
                    MaxResults = ModelConstraints.MaxResultsTypeMax,
                });
                return page.SecretList?.Select(s => s.Name).FirstOrDefault(n => n != null && n.StartsWith(prefix, StringComparison.Ordinal));
            }
            catch (SecretsManagerServiceException)
            {
                return null;
            }
        }

        /// <summary>
        /// The literal names that matched no secret; empty until the whole listing has been read, since a listing cut
        /// short (by -First) can't tell.
        /// </summary>
        public IReadOnlyList<string> MissingNames =>
            _complete ? _literals.Where(l => !l.Value).Select(l => l.Key).ToList() : new List<string>();
    }
}
