using System;

namespace SecretsManager.Engine.Workflows.Caching
{
    /// <summary>
    /// What the cache holds for one key: when it was read or last confirmed, and, after transient failures to refresh
    /// it, how long to wait before the next try (1 s, doubling, at most 2 min), so a stale entry that is being served
    /// does not send a request on every read. Immutable: a change is a new entry.
    /// </summary>
    internal abstract class CacheEntry
    {
        internal static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
        internal static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(2);

        protected CacheEntry(string arn, string name, DateTime storedAtUtc, int failures, DateTime retryNotBeforeUtc, Exception lastFailure)
        {
            LastFailure = lastFailure;
            Arn = arn;
            Name = name;
            StoredAtUtc = storedAtUtc;
            Failures = failures;
            RetryNotBeforeUtc = retryNotBeforeUtc;
        }

        /// <summary>The secret's full ARN.</summary>
        public string Arn { get; }

        /// <summary>The secret's name.</summary>
        public string Name { get; }

        /// <summary>When the entry was read, or last confirmed unchanged.</summary>
        public DateTime StoredAtUtc { get; }

        /// <summary>Transient failures to refresh it since it was stored.</summary>
        public int Failures { get; }

        /// <summary>After a failure: no new try before this time (when stale entries may be served).</summary>
        public DateTime RetryNotBeforeUtc { get; }

        /// <summary>The last failure to refresh it, while <see cref="Failures"/> is more than zero.</summary>
        public Exception LastFailure { get; }

        /// <summary>How old the entry is at <paramref name="nowUtc"/> (never negative).</summary>
        public TimeSpan AgeAt(DateTime nowUtc) => nowUtc > StoredAtUtc ? nowUtc - StoredAtUtc : TimeSpan.Zero;

        /// <summary>True while a failed refresh waits for its next try.</summary>
        public bool BackingOffAt(DateTime nowUtc) => Failures > 0 && nowUtc < RetryNotBeforeUtc;

        /// <summary>The same entry confirmed unchanged at <paramref name="nowUtc"/>.</summary>
        public abstract CacheEntry RenewedAt(DateTime nowUtc);

        /// <summary>The same entry after one more failed refresh at <paramref name="nowUtc"/>.</summary>
        public abstract CacheEntry FailedAt(DateTime nowUtc, Exception failure);

        /// <summary>When the next try may be after <paramref name="failures"/> failures.</summary>
        protected static DateTime NextTry(DateTime nowUtc, int failures)
        {
            double seconds = FirstBackoff.TotalSeconds * Math.Pow(2, Math.Min(failures - 1, 16));
            return nowUtc + TimeSpan.FromSeconds(Math.Min(seconds, MaxBackoff.TotalSeconds));
        }
    }
}
