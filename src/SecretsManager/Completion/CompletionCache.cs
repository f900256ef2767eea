using System;
using System.Collections.Generic;

namespace SecretsManager.Completion
{
    /// <summary>
    /// What completers read from Secrets Manager, kept for a minute: pressing Tab again must not call the service
    /// again, and a minute-old listing is still what a person expects to see.
    /// </summary>
    internal sealed class CompletionCache<T> where T : class
    {
        private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);
        private readonly object _gate = new object();
        private readonly List<KeyValuePair<DateTime, T>> _entries = new List<KeyValuePair<DateTime, T>>();

        /// <summary>The first live entry that matches, or null.</summary>
        public T Find(Func<T, bool> match)
        {
            lock (_gate)
            {
                _entries.RemoveAll(e => e.Key < DateTime.UtcNow);
                foreach (var entry in _entries)
                {
                    if (match(entry.Value)) return entry.Value;
                }
                return null;
            }
        }

        /// <summary>Keeps an entry for the lifetime.</summary>
        public void Add(T entry)
        {
            lock (_gate)
            {
                _entries.Add(new KeyValuePair<DateTime, T>(DateTime.UtcNow + Lifetime, entry));
            }
        }
    }
}
