using System.Threading;

namespace SecretsManager.Engine.Internal
{
    /// <summary>
    /// What the attempts of one logical call went through, filled in by <see cref="Sdk.AttemptRecorder"/> below the SDK's
    /// retry handler: whether any attempt may have reached the service and changed something before it failed.
    /// </summary>
    internal sealed class CallRecord
    {
        private static readonly AsyncLocal<CallRecord> CurrentSlot = new AsyncLocal<CallRecord>();

        /// <summary>The record of the call running on this flow, or null outside a call.</summary>
        public static CallRecord Current => CurrentSlot.Value;

        public int Attempts { get; set; }

        /// <summary>An attempt failed after its request may have been applied: a lost answer, a timeout, a 5xx.</summary>
        public bool MayHaveReachedService { get; set; }

        /// <summary>Starts a record for a new call; dispose the result to restore the caller's (checks run calls of their own).</summary>
        public static Scope Begin() => new Scope(CurrentSlot.Value);

        internal readonly struct Scope : System.IDisposable
        {
            private readonly CallRecord _previous;

            public Scope(CallRecord previous)
            {
                _previous = previous;
                Record = new CallRecord();
                CurrentSlot.Value = Record;
            }

            public CallRecord Record { get; }

            public void Dispose() => CurrentSlot.Value = _previous;
        }
    }
}
