using System;

namespace SecretsManager.Engine.Workflows.Caching
{
    /// <summary>
    /// How one read uses the cache. With <see cref="MaxAge"/>, an entry younger than that is served without a request;
    /// an older one is revalidated (DescribeSecret's version-to-stage map) before its value is read again. A value
    /// read by version id never changes, so it is served at any age. With <see cref="AllowStale"/>, an entry of any
    /// age stands in for a read the endpoint could not answer (unreachable, throttled, failing on its side). With
    /// neither, every read is fresh, and only refreshes entries the cache already holds.
    /// </summary>
    public sealed class CachePolicy
    {
        /// <summary>Creates a policy.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="cache"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxAge"/> is negative.</exception>
        public CachePolicy(SecretCache cache, TimeSpan? maxAge, bool allowStale)
        {
            Cache = cache ?? throw new ArgumentNullException(nameof(cache));
            string problem = MaxAgeProblem(maxAge);
            if (problem != null) throw new ArgumentOutOfRangeException(nameof(maxAge), maxAge, problem);
            MaxAge = maxAge;
            AllowStale = allowStale;
        }

        /// <summary>
        /// No cache at all: reads are fresh and touch no cache (an empty one of its own, which nothing fills and the
        /// module's writes don't reach).
        /// </summary>
        public static CachePolicy None { get; } = new CachePolicy(new SecretCache(1, null, observesWrites: false), null, false);

        /// <summary>The rule an age limit breaks, said for -MaxAge; null when it is good (zero or more, or none).</summary>
        public static string MaxAgeProblem(TimeSpan? maxAge) =>
            maxAge < TimeSpan.Zero
                ? $"-MaxAge must not be negative ({maxAge}): it is the age up to which a cached read is served, 00:00:00 to check with Secrets Manager every time."
                : null;

        /// <summary>The cache.</summary>
        public SecretCache Cache { get; }

        /// <summary>The age up to which an entry is served without a request; null: never.</summary>
        public TimeSpan? MaxAge { get; }

        /// <summary>Serve an entry of any age when the endpoint can't answer.</summary>
        public bool AllowStale { get; }

        /// <summary>True when reads consult and fill the cache; false when they are fresh and only refresh it.</summary>
        public bool UsesCache => MaxAge != null || AllowStale;

        /// <summary>True when <paramref name="entry"/> may be served without a request at <paramref name="nowUtc"/>.</summary>
        internal bool IsFresh(CacheEntry entry, bool immutable, DateTime nowUtc) =>
            entry != null && MaxAge != null && (immutable || entry.AgeAt(nowUtc) <= MaxAge.Value);
    }
}
