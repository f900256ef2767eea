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
    /// With a <see cref="CachePolicy"/> that uses the cache, the cache answers what it may, per id, and only the
    /// others are fetched (an id repeated while its batch fills is fetched once); the results still come back in
    /// input order, hits and fetched values interleaved. Without one, every read is fresh and refreshes what the
    /// cache holds.
    /// </remarks>
    public sealed class SecretValueReader
    {
        private readonly Func<string, ISecretsManagerClient> _clientFor;
        private readonly string _versionId;
        private readonly string _versionStage;
        private readonly CachedValueReads _cached;
        private readonly bool _usesCache;
        // Without the cache: ids waiting for their batch, all for one client.
        private readonly List<string> _batch = new List<string>(BatchPlanner.MaxIdsPerCall);
        // With the cache: every id since the last flush in input order, and the distinct ones to fetch (one client).
        private readonly List<PendingRead> _queue = new List<PendingRead>(BatchPlanner.MaxIdsPerCall);
        private readonly List<string> _misses = new List<string>(BatchPlanner.MaxIdsPerCall);
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
            if (cache != null)
            {
                _cached = new CachedValueReads(cache);
                _usesCache = cache.UsesCache;
            }
        }

        private bool Versioned => _versionId != null || _versionStage != null;

        /// <summary>
        /// Takes the next id. Returns the results now complete, in input order: none while a batch is filling, its
        /// whole batch when it is full or when the id needs another client.
        /// </summary>
        public IReadOnlyList<SecretRead> Add(string id)
        {
            if (id == null) throw new ArgumentNullException(nameof(id));
            if (_usesCache) return AddThroughCache(id);
            var done = new List<SecretRead>();
            if (Versioned)
            {
                // BatchGetSecretValue reads only AWSCURRENT.
                done.Add(ReadOne(id));
                return done;
            }
            if (_batch.Count > 0 && !ReferenceEquals(_clientFor(_batch[0]), _clientFor(id))) done.AddRange(FlushBatch());
            _batch.Add(id);
            if (_batch.Count == BatchPlanner.MaxIdsPerCall) done.AddRange(FlushBatch());
            return done;
        }

        /// <summary>Reads what is still waiting and returns those results, in input order.</summary>
        public IReadOnlyList<SecretRead> Complete() => _usesCache ? FlushQueue() : FlushBatch();

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

        private IReadOnlyList<SecretRead> AddThroughCache(string id)
        {
            var client = _clientFor(id);
            var served = _cached.TryServe(client, id, _versionId, _versionStage, out var entry);
            if (Versioned) return new[] { served ?? _cached.FetchOne(client, id, _versionId, _versionStage, entry) };
            // Nothing waits before it: a hit goes out at once.
            if (served != null && _queue.Count == 0) return new[] { served };
            var done = new List<SecretRead>();
            if (served == null)
            {
                if (_misses.Count > 0 && !ReferenceEquals(_missClient, client)) done.AddRange(FlushQueue());
                if (!_missEntries.ContainsKey(id))
                {
                    _misses.Add(id);
                    _missEntries[id] = entry;
                }
                _missClient = client;
            }
            _queue.Add(new PendingRead(id, served));
            // Full: 20 ids to fetch, or 20 results waiting (so a long run of hits behind one miss is not held back).
            if (_misses.Count == BatchPlanner.MaxIdsPerCall || _queue.Count >= BatchPlanner.MaxIdsPerCall) done.AddRange(FlushQueue());
            return done;
        }

        private List<SecretRead> FlushQueue()
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
                : misses.Count == 1 ? new Dictionary<string, SecretRead>(StringComparer.Ordinal) { [misses[0]] = _cached.FetchOne(client, misses[0], null, null, entries[misses[0]]) }
                : _cached.FetchBatch(client, misses, entries);
            return queue.Select(p => p.Read ?? fetched[p.Id]).ToList();
        }

        private List<SecretRead> FlushBatch()
        {
            var ids = _batch.ToList();
            _batch.Clear();
            if (ids.Count == 0) return new List<SecretRead>();
            // One id needs no batch, and GetSecretValue is the permission every policy that reads secrets grants.
            if (ids.Count == 1) return new List<SecretRead> { ReadOne(ids[0]) };
            List<BatchGetSecretValueResponse> pages;
            try
            {
                CallNotices.Add($"BatchGetSecretValue '{string.Join(", ", ids)}'");
                pages = _clientFor(ids[0]).BatchGetSecretValueAll(ids).ToList();
            }
            catch (SecretsManagerServiceException e) when (!e.RejectsCredentials)
            {
                CallNotices.Add($"BatchGetSecretValue failed ({e.ErrorCode}); reading the {ids.Count} secrets one by one.");
                return ids.Select(ReadOne).ToList();
            }
            var reads = BatchResultMatcher.InRequestOrder(ids, pages)
                .Select(r => new SecretRead(r.RequestedId, r.Value == null ? null : ToResponse(r.Value), r.Error == null ? null : ToException(r.Error)))
                .ToList();
            foreach (var read in reads) _cached?.Refresh(_clientFor(read.RequestedId), read, null, null);
            return reads;
        }

        private SecretRead ReadOne(string id)
        {
            var request = new GetSecretValueRequest { SecretId = id, VersionId = _versionId, VersionStage = _versionStage };
            try
            {
                CallNotices.Add($"GetSecretValue '{id}'");
                var read = new SecretRead(id, _clientFor(id).GetSecretValue(request), null);
                _cached?.Refresh(_clientFor(id), read, _versionId, _versionStage);
                return read;
            }
            catch (SecretsManagerServiceException e) when (!e.RejectsCredentials)
            {
                return new SecretRead(id, null, e);
            }
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
