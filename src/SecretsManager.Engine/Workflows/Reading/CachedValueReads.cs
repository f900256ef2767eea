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
    /// The reader's side of the cache: which ids the cache answers, and how the others are fetched, stored, checked
    /// and, under -AllowStale, stood in for.
    /// </summary>
    /// <remarks>
    /// An expired value read alone is first checked with DescribeSecret's version-to-stage map (from a description
    /// the cache holds when that is young enough): unchanged, the entry is renewed without reading the value again.
    /// Expired values read together with others are read again in their batch, since one BatchGetSecretValue costs
    /// less than a DescribeSecret each.
    /// </remarks>
    internal sealed class CachedValueReads
    {
        private readonly CachePolicy _policy;
        private readonly CachedDescriber _describer;
        private ISecretsManagerClient _lastClient;
        private CachePartition _lastPartition;

        public CachedValueReads(CachePolicy policy)
        {
            _policy = policy;
            _describer = new CachedDescriber(policy);
        }

        private SecretCache Cache => _policy.Cache;

        public CachePartition PartitionOf(ISecretsManagerClient client)
        {
            // Most reads of one invocation go through one client.
            if (!ReferenceEquals(client, _lastClient))
            {
                _lastPartition = CachePartition.Of(client);
                _lastClient = client;
            }
            return _lastPartition;
        }

        /// <summary>
        /// The read the cache answers without a request, or null. <paramref name="entry"/> is what it holds for the id
        /// in any case (for the version check, or to stand in under -AllowStale).
        /// </summary>
        public SecretRead TryServe(ISecretsManagerClient client, string id, string versionId, string versionStage, out CachedValue entry)
        {
            entry = null;
            // A fresh read asks the service, and stands in nothing for it.
            if (!_policy.UsesCache) return null;
            DateTime now = Cache.UtcNow;
            entry = Cache.Find(PartitionOf(client), id, SecretCache.SelectorFor(versionId, versionStage)) as CachedValue;
            if (entry == null) return null;
            if (_policy.IsFresh(entry, versionId != null, now))
            {
                CallNotices.Add($"GetSecretValue '{id}': from the cache ({CachedDescriber.Seconds(entry.AgeAt(now))} old)");
                return SecretRead.Cached(id, entry.ToResponse(), entry.AgeAt(now));
            }
            // A refresh failed a moment ago: no new request until its back-off ends.
            if (_policy.AllowStale && entry.BackingOffAt(now)) return SecretRead.Stale(id, entry.ToResponse(), entry.AgeAt(now), entry.LastFailure);
            return null;
        }

        /// <summary>Reads one id: the version check for an expired entry of a label, otherwise GetSecretValue.</summary>
        public SecretRead FetchOne(ISecretsManagerClient client, string id, string versionId, string versionStage, CachedValue entry)
        {
            var partition = PartitionOf(client);
            string selector = SecretCache.SelectorFor(versionId, versionStage);
            long generation = Cache.Generation;
            try
            {
                if (entry != null && versionId == null && _policy.MaxAge != null && Cache.CanDescribe(partition))
                {
                    var checkedRead = CheckVersion(client, partition, id, versionStage ?? StagingLabels.Current, entry);
                    if (checkedRead != null) return checkedRead;
                }
                CallNotices.Add($"GetSecretValue '{id}'");
                var response = client.GetSecretValue(new GetSecretValueRequest { SecretId = id, VersionId = versionId, VersionStage = versionStage });
                Keep(partition, id, selector, response, generation);
                return new SecretRead(id, response, null);
            }
            catch (SecretsManagerServiceException e) when (!e.RejectsCredentials)
            {
                return StandInFor(partition, selector, id, entry, e) ?? new SecretRead(id, null, e);
            }
            catch (SecretsManagerConnectionException e) when (_policy.AllowStale)
            {
                return StandInFor(partition, selector, id, entry, e) ?? SecretRead.Unreached(id, e);
            }
        }

        /// <summary>Reads the current values of several ids (distinct, one client) with BatchGetSecretValue.</summary>
        public Dictionary<string, SecretRead> FetchBatch(ISecretsManagerClient client, IReadOnlyList<string> ids, IReadOnlyDictionary<string, CachedValue> entries)
        {
            var partition = PartitionOf(client);
            string selector = SecretCache.SelectorFor(null, null);
            long generation = Cache.Generation;
            List<BatchGetSecretValueResponse> pages;
            try
            {
                CallNotices.Add($"BatchGetSecretValue '{string.Join(", ", ids)}'");
                pages = client.BatchGetSecretValueAll(ids).ToList();
            }
            catch (SecretsManagerServiceException e) when (!e.RejectsCredentials)
            {
                CallNotices.Add($"BatchGetSecretValue failed ({e.ErrorCode}); reading the {ids.Count} secrets one by one.");
                // A refusal of the batch says nothing about each secret: only a transient one lets an entry stand in.
                bool transient = CacheFailures.IsTransient(e);
                return ids.ToDictionary(id => id, id => (transient ? StandInFor(partition, selector, id, entries[id], e) : null) ?? FetchOne(client, id, null, null, entries[id]), StringComparer.Ordinal);
            }
            catch (SecretsManagerConnectionException e) when (_policy.AllowStale)
            {
                return ids.ToDictionary(id => id, id => StandInFor(partition, selector, id, entries[id], e) ?? SecretRead.Unreached(id, e), StringComparer.Ordinal);
            }
            var reads = new Dictionary<string, SecretRead>(StringComparer.Ordinal);
            foreach (var result in BatchResultMatcher.InRequestOrder(ids, pages))
            {
                if (result.Value != null)
                {
                    var response = SecretValueReader.ToResponse(result.Value);
                    Keep(partition, result.RequestedId, selector, response, generation);
                    reads[result.RequestedId] = new SecretRead(result.RequestedId, response, null);
                }
                else
                {
                    var error = SecretValueReader.ToException(result.Error);
                    reads[result.RequestedId] = StandInFor(partition, selector, result.RequestedId, entries[result.RequestedId], error) ?? new SecretRead(result.RequestedId, null, error);
                }
            }
            return reads;
        }

        /// <summary>
        /// Stores what a read answered; a fresh read (a policy that doesn't use the cache) only refreshes an entry the
        /// cache already holds, so a later cached read is never older than it.
        /// </summary>
        private void Keep(CachePartition partition, string id, string selector, GetSecretValueResponse response, long generation)
        {
            if (!_policy.UsesCache && !Cache.Contains(partition, id, selector)) return;
            Cache.Store(partition, id, selector, CachedValue.From(response, Cache.UtcNow), generation);
        }

        /// <summary>
        /// The version check: null when the value must be read again; otherwise the renewed entry's value, or, when the
        /// check itself could not reach the endpoint, the expired value standing in (-AllowStale).
        /// </summary>
        private SecretRead CheckVersion(ISecretsManagerClient client, CachePartition partition, string id, string stage, CachedValue entry)
        {
            string selector = SecretCache.SelectorFor(null, stage);
            DescriptionRead description;
            try
            {
                description = _describer.Describe(client, id);
            }
            catch (SecretsManagerServiceException e) when (!e.RejectsCredentials)
            {
                if (e.ErrorCode == "AccessDeniedException") Cache.NoteDescribeRefused(partition);
                // GetSecretValue answers for itself: the value, or the error that counts for a read.
                return null;
            }
            if (description.StaleBecause != null)
            {
                return StandInFor(partition, selector, id, entry, description.StaleBecause);
            }
            var stages = entry.StagesIfUnchanged(description.Response, stage);
            if (stages == null) return null;
            DateTime now = Cache.UtcNow;
            // A cached description confirms the value only as of when it was read: stamped "now", a value could be
            // served up to twice the age limit after the service last showed it.
            DateTime confirmedAt = now - description.Age;
            var renewed = entry.RenewedAt(confirmedAt > entry.StoredAtUtc ? confirmedAt : entry.StoredAtUtc, stages);
            Cache.Replace(partition, selector, entry, renewed);
            CallNotices.Add($"GetSecretValue '{id}': version {entry.VersionId} is still {stage}; served from the cache");
            return SecretRead.Cached(id, renewed.ToResponse(), renewed.AgeAt(now));
        }

        /// <summary>
        /// Under -AllowStale, the expired entry standing in for a transient failure (which starts its back-off); null
        /// otherwise. A failure that is about the secret (not found, denied, marked for deletion) drops the entry.
        /// </summary>
        private SecretRead StandInFor(CachePartition partition, string selector, string id, CachedValue entry, Exception failure)
        {
            if (entry == null) return null;
            bool transient = CacheFailures.IsTransient(failure);
            if (!transient)
            {
                if (failure is SecretsManagerServiceException) Cache.Remove(partition, selector, entry);
                return null;
            }
            if (!_policy.AllowStale) return null;
            DateTime now = Cache.UtcNow;
            Cache.Replace(partition, selector, entry, entry.FailedAt(now, failure));
            return SecretRead.Stale(id, entry.ToResponse(), entry.AgeAt(now), failure);
        }
    }
}
