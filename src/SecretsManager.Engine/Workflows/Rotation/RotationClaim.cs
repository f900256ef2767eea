using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SecretsManager.Engine.Workflows.Rotation
{
    /// <summary>
    /// A run's claim on a pending version: a staging label of its own, attached beside AWSPENDING, that names the run,
    /// its process and host, and when it claimed. Staging labels are the secret's only shared state, so the claim is
    /// how a second run tells a rotation in progress (refused) from one whose process died (resumed).
    /// Format: <c>SmRotation-{run}-{pid}-{process start, unix s}-{claimed at, unix s}-{host}</c>.
    /// </summary>
    public sealed class RotationClaim
    {
        /// <summary>What every claim label starts with.</summary>
        public const string Prefix = "SmRotation-";

        private const int MaxHostLength = 100;
        private static readonly Regex Pattern = new Regex(@"^SmRotation-([0-9a-f]{12})-(\d{1,10})-(\d{1,12})-(\d{1,12})-(.+)$", RegexOptions.CultureInvariant);

        private RotationClaim(string label, string runId, int processId, long processStart, DateTimeOffset claimedAt, string host)
        {
            Label = label;
            RunId = runId;
            ProcessId = processId;
            ProcessStart = processStart;
            ClaimedAt = claimedAt;
            Host = host;
        }

        /// <summary>The staging label.</summary>
        public string Label { get; }

        /// <summary>The run, unique within its process.</summary>
        public string RunId { get; }

        /// <summary>The claiming process.</summary>
        public int ProcessId { get; }

        /// <summary>When that process started (unix seconds), so a reused process id is not taken for it.</summary>
        public long ProcessStart { get; }

        /// <summary>When the claim was made (the claiming host's clock).</summary>
        public DateTimeOffset ClaimedAt { get; }

        /// <summary>The claiming host, as its name reads in a label.</summary>
        public string Host { get; }

        /// <summary>A new claim.</summary>
        public static RotationClaim Create(string runId, int processId, long processStart, DateTimeOffset claimedAt, string host)
        {
            string cleanHost = CleanHost(host);
            long claimed = claimedAt.ToUnixTimeSeconds();
            string label = string.Format(CultureInfo.InvariantCulture, "{0}{1}-{2}-{3}-{4}-{5}", Prefix, runId, processId, processStart, claimed, cleanHost);
            return new RotationClaim(label, runId, processId, processStart, DateTimeOffset.FromUnixTimeSeconds(claimed), cleanHost);
        }

        /// <summary>Reads a staging label as a claim; false for any other label.</summary>
        public static bool TryParse(string label, out RotationClaim claim)
        {
            claim = null;
            if (label == null) return false;
            var match = Pattern.Match(label);
            if (!match.Success) return false;
            if (!int.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int pid)) return false;
            if (!long.TryParse(match.Groups[3].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long start)) return false;
            if (!long.TryParse(match.Groups[4].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long claimed)) return false;
            claim = new RotationClaim(label, match.Groups[1].Value, pid, start, DateTimeOffset.FromUnixTimeSeconds(claimed), match.Groups[5].Value);
            return true;
        }

        /// <summary>A host name as a label carries it: letters, digits, '.', '_' and '-', at most 100 characters.</summary>
        public static string CleanHost(string host)
        {
            var text = new StringBuilder();
            foreach (char c in host ?? string.Empty)
            {
                if (text.Length == MaxHostLength) break;
                bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
                text.Append(plain ? c : '_');
            }
            return text.Length == 0 ? "unknown" : text.ToString();
        }

        /// <summary>Who claimed and when, for messages.</summary>
        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "process {0} on {1}, claimed {2:yyyy-MM-dd HH:mm:ss}Z", ProcessId, Host, ClaimedAt.UtcDateTime);
    }
}
