using System;
using System.Collections.Generic;
using System.Linq;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Internal
{
    /// <summary>
    /// Lazy paging and batching over any <see cref="ISecretsManagerClient"/>: each page is requested only when the
    /// previous one has been consumed. Requests are copied per page, so the caller's request is never modified.
    /// </summary>
    internal static class Paging
    {
        public static IEnumerable<SecretListEntry> ListSecrets(ISecretsManagerClient client, ListSecretsRequest request)
        {
            string token = request.NextToken;
            do
            {
                ListSecretsResponse page = client.ListSecrets(new ListSecretsRequest
                {
                    IncludePlannedDeletion = request.IncludePlannedDeletion,
                    MaxResults = request.MaxResults,
                    NextToken = token,
                    Filters = request.Filters,
                    SortOrder = request.SortOrder,
                    SortBy = request.SortBy,
                });
                foreach (SecretListEntry entry in page.SecretList ?? Enumerable.Empty<SecretListEntry>()) { yield return entry; }
                token = NextToken(token, page.NextToken, "ListSecrets");
            }
            while (token != null);
        }

        public static IEnumerable<SecretVersionsListEntry> ListSecretVersionIds(ISecretsManagerClient client, ListSecretVersionIdsRequest request)
        {
            string token = request.NextToken;
            do
            {
                ListSecretVersionIdsResponse page = client.ListSecretVersionIds(new ListSecretVersionIdsRequest
                {
                    SecretId = request.SecretId,
                    MaxResults = request.MaxResults,
                    NextToken = token,
                    IncludeDeprecated = request.IncludeDeprecated,
                });
                foreach (SecretVersionsListEntry entry in page.Versions ?? Enumerable.Empty<SecretVersionsListEntry>()) { yield return entry; }
                token = NextToken(token, page.NextToken, "ListSecretVersionIds");
            }
            while (token != null);
        }

        /// <summary>The pages of one batch as the reader planned it (at most 20 distinct ids), following its NextToken.</summary>
        public static IEnumerable<BatchGetSecretValueResponse> BatchGetSecretValueByIds(ISecretsManagerClient client, IReadOnlyList<string> batch) =>
            BatchGetSecretValuePages(client, token => new BatchGetSecretValueRequest { SecretIdList = batch.ToList(), NextToken = token });

        public static IEnumerable<BatchGetSecretValueResponse> BatchGetSecretValueByFilters(ISecretsManagerClient client, IList<Filter> filters) =>
            BatchGetSecretValuePages(client, token => new BatchGetSecretValueRequest { Filters = filters.ToList(), NextToken = token });

        private static IEnumerable<BatchGetSecretValueResponse> BatchGetSecretValuePages(ISecretsManagerClient client, Func<string, BatchGetSecretValueRequest> requestFor)
        {
            string token = null;
            do
            {
                BatchGetSecretValueResponse page = client.BatchGetSecretValue(requestFor(token));
                yield return page;
                token = NextToken(token, page.NextToken, "BatchGetSecretValue");
            }
            while (token != null);
        }

        private static string NextToken(string previous, string next, string operation)
        {
            if (string.IsNullOrEmpty(next)) { return null; }
            // A service that hands back the token it was given would otherwise make this loop forever.
            if (string.Equals(previous, next, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{operation} returned the same NextToken it was sent; stopping to avoid an endless loop.");
            }
            return next;
        }
    }
}
