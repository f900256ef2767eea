using System;
using System.Collections.Generic;
using System.Linq;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Workflows.Caching
{
    /// <summary>
    /// The read cache: secret values (protected, see <see cref="ProtectedValue"/>) and DescribeSecret answers, keyed
    /// by partition (endpoint, region, credential identity), the secret's full ARN, and the version id or staging
    /// label read. A read by name and a read by ARN of the same secret share one entry: the first answer teaches the
    /// cache which ARN a name (or partial ARN) stands for. Bounded: beyond <see cref="Capacity"/> entries the least
    /// recently used one goes.
    /// </summary>
    /// <remarks>
    /// One instance per process (<see cref="Shared"/>), shared by every runspace, behind one lock that no request is
    /// ever made under. The store decides nothing about age: the reading workflows do, with the clock given here, so
    /// tests move time instead of waiting. Every write the engine's client makes evicts what it changes
    /// (<see cref="SecretCacheWrites"/>); an answer read while its secret was evicted is not stored, so a write racing
    /// a read never leaves the old value behind.
    /// </remarks>
    public sealed class SecretCache
    {
        /// <summary>The default bound, as AWS's caching clients have it.</summary>
        public const int DefaultCapacity = 1024;

        internal const string DescriptionSelector = "describe";

        private readonly object _gate = new object();
        private readonly Func<DateTime> _utcNow;
        private readonly Dictionary<string, LinkedListNode<CacheSlot>> _slots = new Dictionary<string, LinkedListNode<CacheSlot>>(StringComparer.Ordinal);
        // Most recently used first.
        private readonly LinkedList<CacheSlot> _recency = new LinkedList<CacheSlot>();
        private readonly Dictionary<string, HashSet<string>> _keysByArn = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        private readonly Dictionary<string, CacheAlias> _aliases = new Dictionary<string, CacheAlias>(StringComparer.Ordinal);
        private long _generation;
        // When each id (name, ARN, ...) was last evicted, and when everything was: a read that started before must not store.
        private readonly Dictionary<string, long> _evictedAt = new Dictionary<string, long>(StringComparer.Ordinal);
        private long _allEvictedAt;
        // Partitions whose credentials may not call DescribeSecret: their expired values are read again, not checked.
        private readonly HashSet<string> _describeRefused = new HashSet<string>(StringComparer.Ordinal);

        // Every cache of the process (the shared one, and those tests make), for the evictions of the module's writes.
        private static readonly List<WeakReference<SecretCache>> Instances = new List<WeakReference<SecretCache>>();

        /// <summary>The cache of this process.</summary>
        public static SecretCache Shared { get; } = new SecretCache();

        /// <summary>Creates a cache.</summary>
        /// <param name="capacity">The most entries it holds (values and descriptions); at least 1.</param>
        /// <param name="utcNow">The clock (UTC); default the system clock.</param>
        public SecretCache(int capacity = DefaultCapacity, Func<DateTime> utcNow = null) : this(capacity, utcNow, observesWrites: true)
        {
        }

        /// <param name="capacity">The most entries it holds.</param>
        /// <param name="utcNow">The clock (UTC).</param>
        /// <param name="observesWrites">False for a cache that the writes of this process don't reach: in tests, one
        /// that stands for the cache of another process.</param>
        internal SecretCache(int capacity, Func<DateTime> utcNow, bool observesWrites)
        {
            if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The cache holds at least one entry.");
            Capacity = capacity;
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
            if (!observesWrites) return;
            lock (Instances)
            {
                Instances.RemoveAll(w => !w.TryGetTarget(out _));
                Instances.Add(new WeakReference<SecretCache>(this));
            }
        }

        /// <summary>Evicts a written secret from every cache of the process.</summary>
        internal static void EvictEverywhere(IEnumerable<string> secretIds)
        {
            List<SecretCache> caches;
            lock (Instances)
            {
                caches = new List<SecretCache>(Instances.Count);
                foreach (var weak in Instances)
                {
                    if (weak.TryGetTarget(out var cache)) caches.Add(cache);
                }
            }
            var ids = secretIds as ICollection<string> ?? secretIds.ToList();
            foreach (var cache in caches) cache.Evict(ids);
        }

        /// <summary>The most entries the cache holds.</summary>
        public int Capacity { get; }

        /// <summary>The entries it holds now: values and descriptions.</summary>
        public int Count
        {
            get { lock (_gate) return _slots.Count; }
        }

        /// <summary>The cache's clock.</summary>
        public DateTime UtcNow => _utcNow();

        /// <summary>Moves on every eviction: an answer read before the eviction of its secret is not stored.</summary>
        internal long Generation
        {
            get { lock (_gate) return _generation; }
        }

        /// <summary>Forgets everything.</summary>
        /// <returns>How many entries were dropped.</returns>
        public int Clear()
        {
            lock (_gate)
            {
                int count = _slots.Count;
                _slots.Clear();
                _recency.Clear();
                _keysByArn.Clear();
                _aliases.Clear();
                _describeRefused.Clear();
                _evictedAt.Clear();
                _allEvictedAt = ++_generation;
                return count;
            }
        }

        /// <summary>
        /// Forgets every entry of one secret, in every partition: <paramref name="secretId"/> is its ARN, a partial ARN,
        /// or a name or other id the cache has seen answered.
        /// </summary>
        /// <returns>How many entries were dropped.</returns>
        public int Evict(string secretId) => Evict(new[] { secretId });

        /// <summary>As <see cref="Evict(string)"/>, for every id of one write (the id sent, the ARN and name answered).</summary>
        public int Evict(IEnumerable<string> secretIds)
        {
            if (secretIds == null) throw new ArgumentNullException(nameof(secretIds));
            var ids = new HashSet<string>(secretIds.Where(id => !string.IsNullOrEmpty(id)), StringComparer.Ordinal);
            lock (_gate)
            {
                long generation = ++_generation;
                foreach (string id in ids) MarkEvicted(id, generation);
                if (_slots.Count == 0 && _aliases.Count == 0) return 0;
                var arns = new HashSet<string>(StringComparer.Ordinal);
                foreach (string id in ids)
                {
                    if (_keysByArn.ContainsKey(id)) arns.Add(id);
                    // A partial ARN (no random suffix) stands for the full ARNs that extend it by '-' and six characters.
                    if (id.StartsWith("arn:", StringComparison.Ordinal))
                    {
                        foreach (string arn in _keysByArn.Keys)
                        {
                            if (arn.Length == id.Length + 7 && arn.StartsWith(id + "-", StringComparison.Ordinal)) arns.Add(arn);
                        }
                    }
                }
                foreach (var alias in _aliases.Values)
                {
                    if (ids.Contains(alias.Id)) arns.Add(alias.Arn);
                }
                // A write to a primary secret changes its replicas too: the same ARN in another region.
                var everywhere = new HashSet<string>(arns.Concat(ids.Where(id => id.StartsWith("arn:", StringComparison.Ordinal))).Select(WithoutRegion), StringComparer.Ordinal);
                foreach (string arn in _keysByArn.Keys)
                {
                    if (everywhere.Contains(WithoutRegion(arn))) arns.Add(arn);
                }
                int dropped = 0;
                foreach (string arn in arns)
                {
                    MarkEvicted(arn, generation);
                    if (!_keysByArn.TryGetValue(arn, out var keys)) continue;
                    foreach (string key in keys.ToList()) dropped += RemoveSlot(key) ? 1 : 0;
                }
                foreach (var stale in _aliases.Where(a => ids.Contains(a.Value.Id) || arns.Contains(a.Value.Arn)).Select(a => a.Key).ToList()) _aliases.Remove(stale);
                return dropped;
            }
        }

        /// <summary>Forgets every entry read from one endpoint (e.g. a SecretsManager.Local that was reset, or a new one at the same URL).</summary>
        /// <returns>How many entries were dropped.</returns>
        public int EvictEndpoint(string endpoint)
        {
            string normalized = CachePartition.NormalizeEndpoint(endpoint);
            lock (_gate)
            {
                _allEvictedAt = ++_generation;
                var keys = _recency.Where(s => s.Partition.Endpoint == normalized).Select(s => s.Key).ToList();
                foreach (string key in keys) RemoveSlot(key);
                foreach (var stale in _aliases.Where(a => a.Value.Partition.Endpoint == normalized).Select(a => a.Key).ToList()) _aliases.Remove(stale);
                return keys.Count;
            }
        }

        /// <summary>The selector of a read: a version id, or a staging label (AWSCURRENT when neither is given).</summary>
        internal static string SelectorFor(string versionId, string versionStage) =>
            versionId != null ? "id:" + versionId : "stage:" + (versionStage ?? StagingLabels.Current);

        /// <summary>The entry for a read, or null; a hit becomes the most recently used.</summary>
        internal CacheEntry Find(CachePartition partition, string requestedId, string selector)
        {
            lock (_gate)
            {
                if (!_slots.TryGetValue(KeyOf(partition, ArnOf(partition, requestedId), selector), out var node)) return null;
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value.Entry;
            }
        }

        /// <summary>True when there is an entry for a read (without touching its recency).</summary>
        internal bool Contains(CachePartition partition, string requestedId, string selector)
        {
            lock (_gate) return _slots.ContainsKey(KeyOf(partition, ArnOf(partition, requestedId), selector));
        }

        /// <summary>
        /// Stores what a read answered, and learns that <paramref name="requestedId"/> and the answer's name stand for
        /// its ARN. Nothing is stored when an eviction happened since <paramref name="generation"/> (the read may have
        /// raced a write) or when the answer has no ARN.
        /// </summary>
        internal bool Store(CachePartition partition, string requestedId, string selector, CacheEntry entry, long generation)
        {
            if (entry?.Arn == null) return false;
            lock (_gate)
            {
                if (EvictedSince(generation, requestedId) || EvictedSince(generation, entry.Arn) || EvictedSince(generation, entry.Name)) return false;
                Learn(partition, requestedId, entry.Arn);
                if (entry.Name != null) Learn(partition, entry.Name, entry.Arn);
                string key = KeyOf(partition, entry.Arn, selector);
                if (_slots.TryGetValue(key, out var node))
                {
                    node.Value.Entry = entry;
                    _recency.Remove(node);
                    _recency.AddFirst(node);
                    return true;
                }
                node = _recency.AddFirst(new CacheSlot(key, partition, entry.Arn, entry));
                _slots[key] = node;
                if (!_keysByArn.TryGetValue(entry.Arn, out var keys)) _keysByArn[entry.Arn] = keys = new HashSet<string>(StringComparer.Ordinal);
                keys.Add(key);
                while (_slots.Count > Capacity) RemoveSlot(_recency.Last.Value.Key);
                return true;
            }
        }

        /// <summary>Replaces <paramref name="previous"/> (renewed, or a failure recorded), unless something else replaced or evicted it first.</summary>
        internal bool Replace(CachePartition partition, string selector, CacheEntry previous, CacheEntry updated)
        {
            lock (_gate)
            {
                if (!_slots.TryGetValue(KeyOf(partition, previous.Arn, selector), out var node) || !ReferenceEquals(node.Value.Entry, previous)) return false;
                node.Value.Entry = updated;
                return true;
            }
        }

        /// <summary>Removes <paramref name="entry"/>, unless something else replaced or evicted it first.</summary>
        internal bool Remove(CachePartition partition, string selector, CacheEntry entry)
        {
            lock (_gate)
            {
                string key = KeyOf(partition, entry.Arn, selector);
                if (!_slots.TryGetValue(key, out var node) || !ReferenceEquals(node.Value.Entry, entry)) return false;
                return RemoveSlot(key);
            }
        }

        /// <summary>Remembers that DescribeSecret was refused to this partition (a policy that grants only GetSecretValue).</summary>
        internal void NoteDescribeRefused(CachePartition partition)
        {
            lock (_gate) _describeRefused.Add(partition.Key);
        }

        /// <summary>True when expired values of this partition can be checked with DescribeSecret.</summary>
        internal bool CanDescribe(CachePartition partition)
        {
            lock (_gate) return !_describeRefused.Contains(partition.Key);
        }

        private void MarkEvicted(string id, long generation)
        {
            _evictedAt[id] = generation;
            if (_evictedAt.Count > 4 * Capacity)
            {
                // Forget the details: every read in flight now counts as overtaken.
                _evictedAt.Clear();
                _allEvictedAt = generation;
            }
        }

        private bool EvictedSince(long generation, string id) =>
            _allEvictedAt > generation || (id != null && _evictedAt.TryGetValue(id, out long at) && at > generation);

        private string ArnOf(CachePartition partition, string requestedId) =>
            _aliases.TryGetValue(AliasKeyOf(partition, requestedId), out var alias) ? alias.Arn : requestedId;

        private void Learn(CachePartition partition, string id, string arn)
        {
            if (string.IsNullOrEmpty(id) || id == arn) return;
            _aliases[AliasKeyOf(partition, id)] = new CacheAlias(partition, id, arn);
            if (_aliases.Count > 4 * Capacity)
            {
                // Names of secrets no longer held go first.
                foreach (var orphan in _aliases.Where(a => !_keysByArn.ContainsKey(a.Value.Arn)).Select(a => a.Key).ToList()) _aliases.Remove(orphan);
                // Still too many ids for the secrets held: forget them all; entries stay reachable by ARN and names are learned again.
                if (_aliases.Count > 4 * Capacity) _aliases.Clear();
            }
        }

        private bool RemoveSlot(string key)
        {
            if (!_slots.TryGetValue(key, out var node)) return false;
            _slots.Remove(key);
            _recency.Remove(node);
            if (_keysByArn.TryGetValue(node.Value.Arn, out var keys))
            {
                keys.Remove(key);
                if (keys.Count == 0) _keysByArn.Remove(node.Value.Arn);
            }
            return true;
        }

        // arn:partition:secretsmanager:REGION:account:secret:name-suffix without its region.
        private static string WithoutRegion(string arn)
        {
            string[] parts = arn.Split(new[] { ':' }, 5);
            return parts.Length == 5 && parts[0] == "arn" ? parts[0] + ":" + parts[1] + ":" + parts[2] + "::" + parts[4] : arn;
        }

        private static string KeyOf(CachePartition partition, string arn, string selector) => partition.Key + "\n" + arn + "\n" + selector;

        private static string AliasKeyOf(CachePartition partition, string id) => partition.Key + "\n" + id;
    }
}
