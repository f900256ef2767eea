using System;
using System.Collections.Generic;
using System.Linq;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Workflows.Reading
{
    /// <summary>
    /// One listing of secrets for Get-SmSecret: the ListSecrets request (server-side prefixes), the local match, and
    /// which literal names (no wildcard) matched nothing, so that, as with Get-Item, a missing literal is an error and
    /// an empty pattern is not.
    /// </summary>
    public sealed class SecretListing
    {
        private readonly SecretListQuery _query;
        private readonly Dictionary<string, bool> _literals = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        private bool _complete;

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
            foreach (SecretListEntry entry in client.ListSecretsAll(Request))
            {
                if (!_query.Matches(entry)) continue;
                if (entry.Name != null && _literals.ContainsKey(entry.Name)) _literals[entry.Name] = true;
                yield return entry;
            }
            _complete = true;
        }

        /// <summary>
        /// The literal names that matched no secret; empty until the whole listing has been read, since a listing cut
        /// short (by -First) can't tell.
        /// </summary>
        public IReadOnlyList<string> MissingNames =>
            _complete ? _literals.Where(l => !l.Value).Select(l => l.Key).ToList() : new List<string>();
    }
}
