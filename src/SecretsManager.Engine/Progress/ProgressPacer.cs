using System;
using System.Diagnostics;

namespace SecretsManager.Engine.Progress
{
    /// <summary>
    /// Decides when a run over many items shows progress: only once it has passed <see cref="ItemThreshold"/> items
    /// or <see cref="TimeThreshold"/>, so a short run draws nothing, and then at most every <see cref="Interval"/>,
    /// so that reporting never costs a fast run more than a few records.
    /// </summary>
    public sealed class ProgressPacer
    {
        /// <summary>Items after which progress shows.</summary>
        public const int ItemThreshold = 50;

        /// <summary>Run time after which progress shows.</summary>
        public static readonly TimeSpan TimeThreshold = TimeSpan.FromSeconds(2);

        /// <summary>The shortest time between two updates.</summary>
        public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

        private readonly int? _total;
        private readonly Func<TimeSpan> _elapsed;
        private int _done;
        private bool _shown;
        private TimeSpan _lastShown;

        /// <summary>A pacer for <paramref name="total"/> items (null when unknown, as for piped input).</summary>
        public ProgressPacer(int? total) : this(total, StartClock()) { }

        /// <summary>A pacer with its own clock, for tests.</summary>
        public ProgressPacer(int? total, Func<TimeSpan> elapsed)
        {
            _total = total;
            _elapsed = elapsed ?? throw new ArgumentNullException(nameof(elapsed));
        }

        /// <summary>Items started so far.</summary>
        public int Done => _done;

        /// <summary>Call before each item; the update to show, or null while the run is still short or the last update is recent.</summary>
        public ProgressUpdate Next(string current)
        {
            _done++;
            TimeSpan now = _elapsed();
            if (!_shown && _done <= ItemThreshold && now < TimeThreshold) return null;
            if (_shown && now - _lastShown < Interval) return null;
            _shown = true;
            _lastShown = now;
            int? percent = _total.HasValue && _total.Value > 0 ? Math.Min(100, (_done - 1) * 100 / _total.Value) : (int?)null;
            string of = _total.HasValue ? $" of {_total.Value}" : string.Empty;
            return new ProgressUpdate($"Secret {_done}{of}: '{current}'", percent, completed: false);
        }

        /// <summary>Call at the end; the closing update, or null when no progress was shown.</summary>
        public ProgressUpdate Complete()
        {
            if (!_shown) return null;
            _shown = false;
            return new ProgressUpdate($"{_done} secrets", 100, completed: true);
        }

        private static Func<TimeSpan> StartClock()
        {
            var clock = Stopwatch.StartNew();
            return () => clock.Elapsed;
        }
    }
}
