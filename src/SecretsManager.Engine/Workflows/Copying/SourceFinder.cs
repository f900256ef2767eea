using System;
using System.Collections.Generic;
using System.Linq;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Conversion;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Workflows.Reading;

namespace SecretsManager.Engine.Workflows.Copying
{
    /// <summary>
    /// Finds the source secrets of a copy with one listing per source region (never a DescribeSecret per secret): the
    /// listing describes each secret as DescribeSecret would, with its tags and its versions' labels. Before it reads,
    /// it refuses a destination that is the source (<see cref="CopyPlaces"/>).
    /// </summary>
    public static class SourceFinder
    {
        /// <summary>The page size of the copy's listings: the most ListSecrets returns.</summary>
        internal const int PageSize = ModelConstraints.MaxResultsTypeMax;

        /// <summary>
        /// The secrets named by <paramref name="ids"/> (names, ARNs or partial ARNs), in their order, each once. The
        /// listing includes secrets scheduled for deletion, so one is reported as such rather than as not found. An id
        /// that names no secret gets ResourceNotFoundException.
        /// </summary>
        /// <param name="ids">The ids, as given.</param>
        /// <param name="clientFor">The client for an id (an ARN in another region has its own).</param>
        /// <param name="destination">The destination, to refuse it when it is the source.</param>
        public static IReadOnlyList<CopySource> ByIds(IEnumerable<string> ids, Func<string, ISecretsManagerClient> clientFor, ISecretsManagerClient destination)
        {
            if (ids == null) throw new ArgumentNullException(nameof(ids));
            if (clientFor == null) throw new ArgumentNullException(nameof(clientFor));
            var idList = ids.ToList();
            var groups = new List<KeyValuePair<ISecretsManagerClient, List<string>>>();
            foreach (string id in idList)
            {
                var client = clientFor(id);
                var group = groups.FirstOrDefault(g => ReferenceEquals(g.Key, client));
                if (group.Key == null)
                {
                    group = new KeyValuePair<ISecretsManagerClient, List<string>>(client, new List<string>());
                    groups.Add(group);
                }
                group.Value.Add(id);
            }
            foreach (var group in groups) CopyPlaces.EnsureDistinct(group.Key, destination);

            var found = new Dictionary<string, CopySource>(StringComparer.Ordinal);
            foreach (var group in groups)
            {
                var request = new ListSecretsRequest
                {
                    IncludePlannedDeletion = true,
                    MaxResults = PageSize,
                    Filters = NamePrefixFilter.For(group.Value.Select(ArnParts.SecretNamePrefix)),
                };
                var entries = List(group.Key, request, "source");
                foreach (string id in group.Value)
                {
                    var entry = entries.FirstOrDefault(e => ArnParts.NamesSecret(id, e.Name, e.ARN));
                    found[id] = entry != null ? new CopySource(id, entry, group.Key, null) : new CopySource(id, null, group.Key, NotFound(id));
                }
            }

            var result = new List<CopySource>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string id in idList)
            {
                var source = found[id];
                if (source.ARN != null && !seen.Add(source.ARN))
                {
                    CallNotices.Add($"'{id}' names '{source.Name}' again: it is compared once.");
                    continue;
                }
                result.Add(source);
            }
            return result;
        }

        /// <summary>
        /// The secrets whose names match <paramref name="patterns"/> (wildcards, as Get-SmSecret -Name), in listing
        /// order; a literal name that matches nothing gets ResourceNotFoundException. Without
        /// <paramref name="includePlannedDeletion"/>, secrets scheduled for deletion that a wildcard matched are left out,
        /// and a call notice says how many; one named whole is kept (the plan skips it, saying why).
        /// </summary>
        public static IReadOnlyList<CopySource> ByNames(IEnumerable<string> patterns, bool includePlannedDeletion, ISecretsManagerClient source, ISecretsManagerClient destination)
        {
            if (patterns == null) throw new ArgumentNullException(nameof(patterns));
            CopyPlaces.EnsureDistinct(source, destination);
            var patternList = patterns.ToList();
            // Secrets scheduled for deletion are listed either way: without -IncludePlannedDeletion, those a wildcard
            // matched are left out and counted (never silently), and one named whole is planned as skipped, with why.
            var listing = new SecretListing(patternList, null, null, true, null, null);
            listing.Request.MaxResults = PageSize;
            CallNotices.Add("ListSecrets (source, " + string.Join(", ", patternList.Select(p => $"'{p}'")) + ")");
            var named = new HashSet<string>(patternList.Where(SecretListQuery.IsLiteral), StringComparer.Ordinal);
            var result = new List<CopySource>();
            int leftOut = 0;
            try
            {
                foreach (var entry in listing.Entries(source))
                {
                    if (!includePlannedDeletion && entry.DeletedDate != null && !named.Contains(entry.Name))
                    {
                        leftOut++;
                        continue;
                    }
                    result.Add(new CopySource(entry.Name, entry, source, null));
                }
            }
            catch (SecretsManagerServiceException e) when (e.RejectsCredentials)
            {
                throw Sided(e, "source");
            }
            if (leftOut > 0)
            {
                CallNotices.Add($"{leftOut} {(leftOut == 1 ? "secret that matches -Name is" : "secrets that match -Name are")} scheduled for deletion and " +
                    $"{(leftOut == 1 ? "was" : "were")} left out; -IncludePlannedDeletion includes them.");
            }
            result.AddRange(listing.MissingNames.Select(n => new CopySource(n, null, source, NotFound(n))));
            return result;
        }

        /// <summary>Every secret the request lists, in one go; a page refused for the identity says which side it was.</summary>
        internal static List<SecretListEntry> List(ISecretsManagerClient client, ListSecretsRequest request, string side)
        {
            string filter = request.Filters == null ? "all names" : "names starting with " + string.Join(", ", request.Filters[0].Values.Select(v => $"'{v}'"));
            CallNotices.Add($"ListSecrets ({side}, {filter})");
            try
            {
                return client.ListSecretsAll(request).ToList();
            }
            catch (SecretsManagerServiceException e) when (e.RejectsCredentials)
            {
                throw Sided(e, side);
            }
        }

        /// <summary>The same error, saying which side refused the credentials (two accounts, two identities).</summary>
        internal static SecretsManagerServiceException Sided(SecretsManagerServiceException e, string side) =>
            new SecretsManagerServiceException(e.ErrorCode,
                $"The {side} refused the credentials: {e.Message} " +
                (side == "destination" ? "Check -DestinationCredential or -DestinationProfileName." : "Check -Credential or -ProfileName."),
                e.StatusCode, e.RequestId, e);

        private static SecretsManagerServiceException NotFound(string id) =>
            new SecretsManagerServiceException("ResourceNotFoundException", $"Secrets Manager can't find the secret '{id}'.", 0, null);
    }
}
