using System;
using System.Threading;

namespace SecretsManager.Engine.Client
{
    /// <summary>
    /// How long the engine's calls on this flow may take and what cancels them (a cmdlet's Ctrl+C), for code that
    /// calls the synchronous client methods: <c>using (CallScope.Enter(token, TimeSpan.FromSeconds(60))) { client.X(...); }</c>.
    /// Each call gets the whole timeout, its retries included; the check of a change whose answer was lost gets its own.
    /// </summary>
    public sealed class CallScope : IDisposable
    {
        private static readonly AsyncLocal<CallScope> CurrentSlot = new AsyncLocal<CallScope>();
        private readonly CallScope _previous;

        private CallScope(CancellationToken cancellationToken, TimeSpan? timeout)
        {
            CancellationToken = cancellationToken;
            Timeout = timeout;
            _previous = CurrentSlot.Value;
            CurrentSlot.Value = this;
        }

        /// <summary>The scope in effect, or null.</summary>
        public static CallScope Current => CurrentSlot.Value;

        /// <summary>Cancels every call made inside the scope.</summary>
        public CancellationToken CancellationToken { get; }

        /// <summary>The most one call may take, retries included; null for the SDK's own limits.</summary>
        public TimeSpan? Timeout { get; }

        /// <summary>Opens a scope; dispose it to restore the one before.</summary>
        public static CallScope Enter(CancellationToken cancellationToken, TimeSpan? timeout) => new CallScope(cancellationToken, timeout);

        /// <inheritdoc/>
        public void Dispose() => CurrentSlot.Value = _previous;
    }
}
