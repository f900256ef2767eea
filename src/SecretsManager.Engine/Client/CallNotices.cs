using System.Collections.Generic;
using System.Threading;

namespace SecretsManager.Engine.Client
{
    /// <summary>
    /// What the engine would tell a -Verbose reader about the calls on this flow, e.g. that an answer was lost and the
    /// change is confirmed. The caller takes them after each call.
    /// </summary>
    public static class CallNotices
    {
        private static readonly AsyncLocal<List<string>> Pending = new AsyncLocal<List<string>>();

        /// <summary>Returns and forgets the notices recorded on this flow since the last call.</summary>
        public static IReadOnlyList<string> Take()
        {
            List<string> notices = Pending.Value;
            if (notices == null || notices.Count == 0) return System.Array.Empty<string>();
            var taken = notices.ToArray();
            notices.Clear();
            return taken;
        }

        internal static void Add(string notice)
        {
            // Created on first use by the caller's flow: a list made inside a call would not be seen after it returns.
            if (Pending.Value == null) Pending.Value = new List<string>();
            Pending.Value.Add(notice);
        }

        /// <summary>Makes the flow's notice list before a call, so notices added inside it are seen after it returns.</summary>
        public static void Prepare()
        {
            if (Pending.Value == null) Pending.Value = new List<string>();
        }
    }
}
