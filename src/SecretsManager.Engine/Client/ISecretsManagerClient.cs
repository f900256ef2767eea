using System;
using System.Collections.Generic;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Client
{
    /// <summary>
    /// A client for the whole AWS Secrets Manager API. The per-operation methods live in the generated
    /// half of this interface (ISecretsManagerClient.Operations.cs); this half holds the paging helpers.
    /// </summary>
    public partial interface ISecretsManagerClient : IDisposable
    {
        /// <summary>Where the region, credentials and endpoint of this client came from (never secret values).</summary>
        ClientResolution Resolution { get; }

        /// <summary>
        /// Every secret that <paramref name="request"/> matches, fetched lazily page by page: the first item is
        /// available before the next page is requested. The request itself is not modified.
        /// </summary>
        IEnumerable<SecretListEntry> ListSecretsAll(ListSecretsRequest request);

        /// <summary>Every version of a secret, fetched lazily page by page. The request itself is not modified.</summary>
        IEnumerable<SecretVersionsListEntry> ListSecretVersionIdsAll(ListSecretVersionIdsRequest request);

        /// <summary>
        /// Values of one batch of secrets, as SecretValueReader plans it: 1 to 20 distinct ids (refused otherwise, at
        /// the call), in one request whose NextToken is followed. One response per page; per-secret failures are in
        /// its Errors list.
        /// </summary>
        IEnumerable<BatchGetSecretValueResponse> BatchGetSecretValueAll(IEnumerable<string> secretIds);

        /// <summary>Values of every secret that matches <paramref name="filters"/>, following NextToken.</summary>
        IEnumerable<BatchGetSecretValueResponse> BatchGetSecretValueAll(IList<Filter> filters);
    }
}
