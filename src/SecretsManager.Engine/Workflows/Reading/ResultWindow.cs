namespace SecretsManager.Engine.Workflows.Reading
{
    /// <summary>
    /// -Skip, -First and -IncludeTotalCount over results that arrive one by one: which to write, and when to stop
    /// reading (once -First are written, unless every result must still be counted).
    /// </summary>
    public sealed class ResultWindow
    {
        private readonly ulong _skip;
        private readonly ulong _first;
        private readonly bool _countAll;
        private ulong _skipped;
        private ulong _written;

        /// <summary>Skips <paramref name="skip"/> results, then takes at most <paramref name="first"/>.</summary>
        public ResultWindow(ulong skip, ulong first, bool countAll)
        {
            _skip = skip;
            _first = first;
            _countAll = countAll;
        }

        /// <summary>Every result offered so far.</summary>
        public ulong Total { get; private set; }

        /// <summary>True once -First results are written and nothing more needs counting: stop reading.</summary>
        public bool Full => _written >= _first && !_countAll;

        /// <summary>Counts one more result; true when it is to be written.</summary>
        public bool Offer()
        {
            Total++;
            if (_skipped < _skip)
            {
                _skipped++;
                return false;
            }
            if (_written >= _first) return false;
            _written++;
            return true;
        }
    }
}
