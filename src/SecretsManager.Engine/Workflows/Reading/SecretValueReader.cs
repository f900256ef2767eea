using System;
using System.Collections.Generic;
using System.Linq;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Workflows.Caching;

namespace SecretsManager.Engine.Workflows.Reading
{
    /// <summary>
    /// Reads the values of secrets given one at a time (a pipeline) and hands back each result in the order the ids
    /// came in. Ids that need no particular version are read with BatchGetSecretValue, 20 per call and one batch per
    /// client (an ARN in another region has a client of its own); a lone id, a version or a stage is read with
    /// GetSecretValue, which every read policy grants. A batch the service refuses as a whole (no batch permission) is
    /// read again id by id, so each id gets its own value or error.
    /// </summary>
    /// <remarks>
    /// A service error for one id is a result, not an exception; what fails every id alike (refused credentials, no
    /// configuration, no connection, cancellation) is thrown. Calls run on the caller's <see cref="CallScope"/>.
    /// There is one read path, through the cache: with a <see cref="CachePolicy"/> that uses it, the cache answers
    /// what it may, per id, and only the others are fetched; without one (or with one that never serves), every id is
    /// fetched, and a fresh value only refreshes what the cache already holds. Either way an id repeated while its
    /// batch fills is fetched once, and the results come back in input order.
    /// </remarks>
    public sealed class SecretValueReader
    {
        private readonly Func<string, ISecretsManagerClient> _clientFor;
        private readonly string _versionId;
        private readonly string _versionStage;
        private readonly CachedValueReads _reads;
        // The most ids one BatchGetSecretValue call takes.
        private const int MaxIdsPerCall = ModelConstraints.SecretIdListTypeMaxLength;
        // Every id since the last flush in input order, and the distinct ones to fetch (all for one client).
        private readonly List<PendingRead> _queue = new List<PendingRead>(MaxIdsPerCall);
        private readonly List<string> _misses = new List<string>(MaxIdsPerCall);
        private readonly Dictionary<string, CachedValue> _missEntries = new Dictionary<string, CachedValue>(StringComparer.Ordinal);
        private ISecretsManagerClient _missClient;

        /// <summary>Creates a reader.</summary>
        /// <param name="clientFor">The client that reads a given id (its region): the same object for ids that share a batch.</param>
        /// <param name="versionId">A version to read for every id, or null.</param>
        /// <param name="versionStage">A staging label to read for every id, or null (AWSCURRENT).</param>
        /// <param name="cache">How reads use the cache, or null for none at all.</param>
        public SecretValueReader(Func<string, ISecretsManagerClient> clientFor, string versionId = null, string versionStage = null, CachePolicy cache = null)
        {
            _clientFor = clientFor ?? throw new ArgumentNullException(nameof(clientFor));
            _versionId = versionId;
            _versionStage = versionStage;
            _reads = new CachedValueReads(cache ?? CachePolicy.None);
        }

        private bool Versioned => _versionId != null || _versionStage != null;

        /// <summary>
        /// Takes the next id. Returns the results now complete, in input order: none while a batch is filling, its
        /// whole batch when it is full or when the id needs another client.
        /// </summary>
        public IReadOnlyList<SecretRead> Add(string id)
        {
            if (id == null) throw new ArgumentNullException(nameof(id));
            var client = _clientFor(id);
            var served = _reads.TryServe(client, id, _versionId, _versionStage, out var entry);
            // BatchGetSecretValue reads only AWSCURRENT.
            if (Versioned) return new[] { served ?? _reads.FetchOne(client, id, _versionId, _versionStage, entry) };
            // Nothing waits before it: a hit goes out at once.
            if (served != null && _queue.Count == 0) return new[] { served };
            var done = new List<SecretRead>();
            if (served == null)
            {
                if (_misses.Count > 0 && !ReferenceEquals(_missClient, client)) done.AddRange(Flush());
                if (!_missEntries.ContainsKey(id))
                {
                    _misses.Add(id);
                    _missEntries[id] = entry;
                }
                _missClient = client;
            }
            _queue.Add(new PendingRead(id, served));
            // Full: 20 ids to fetch, or 20 results waiting (so a long run of hits behind one miss is not held back).
            if (_misses.Count == MaxIdsPerCall || _queue.Count >= MaxIdsPerCall) done.AddRange(Flush());
            return done;
        }

        /// <summary>Reads what is still waiting and returns those results, in input order.</summary>
        public IReadOnlyList<SecretRead> Complete() => Flush();

        /// <summary>
        /// Values of every secret that <paramref name="filters"/> match, page by page (lazily): each value, then each
        /// error of a page.
        /// </summary>
        public static IEnumerable<SecretRead> ByFilter(ISecretsManagerClient client, IList<Filter> filters)
        {
            if (client == null) throw new ArgumentNullException(nameof(client));
            if (filters == null) throw new ArgumentNullException(nameof(filters));
            return ByFilterIterator(client, filters);
        }

        private static IEnumerable<SecretRead> ByFilterIterator(ISecretsManagerClient client, IList<Filter> filters)
        {
            foreach (var page in client.BatchGetSecretValueAll(filters))
            {
                foreach (var entry in page.SecretValues ?? new List<SecretValueEntry>()) yield return new SecretRead(entry.Name ?? entry.ARN, ToResponse(entry), null);
                foreach (var error in page.Errors ?? new List<APIErrorType>()) yield return new SecretRead(error.SecretId, null, ToException(error));
            }
        }

        private List<SecretRead> Flush()
        {
            var queue = _queue.ToList();
            var misses = _misses.ToList();
            var entries = new Dictionary<string, CachedValue>(_missEntries, StringComparer.Ordinal);
            var client = _missClient;
            _queue.Clear();
            _misses.Clear();
            _missEntries.Clear();
            _missClient = null;
            if (queue.Count == 0) return new List<SecretRead>();
            Dictionary<string, SecretRead> fetched =
                misses.Count == 0 ? new Dictionary<string, SecretRead>(StringComparer.Ordinal)
                // One id needs no batch, and GetSecretValue is the permission every policy that reads secrets grants.
                : misses.Count == 1 ? new Dictionary<string, SecretRead>(StringComparer.Ordinal) { [misses[0]] = _reads.FetchOne(client, misses[0], null, null, entries[misses[0]]) }
                : _reads.FetchBatch(client, misses, entries);
            return queue.Select(p => p.Read ?? fetched[p.Id]).ToList();
        }

        /// <summary>A batch entry in GetSecretValue's shape, so callers handle one shape whichever call read it.</summary>
        public static GetSecretValueResponse ToResponse(SecretValueEntry entry) => new GetSecretValueResponse
        {
            ARN = entry.ARN,
            Name = entry.Name,
            VersionId = entry.VersionId,
            SecretBinary = entry.SecretBinary,
            SecretString = entry.SecretString,
            VersionStages = entry.VersionStages,
            CreatedDate = entry.CreatedDate,
        };

        /// <summary>One failed secret of a batch, as the exception GetSecretValue would have thrown for it.</summary>
        public static SecretsManagerServiceException ToException(APIErrorType error) =>
            new SecretsManagerServiceException(error.ErrorCode, error.Message, 0, null);
    }
}
