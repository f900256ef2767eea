using System;
using System.Collections.Concurrent;
using System.Diagnostics;

namespace SecretsManager.Engine.Workflows.Rotation
{
    /// <summary>
    /// Makes this process's claims and judges others'. A claim from this host is live while its process runs (and,
    /// for this very process, while its run is active); a claim from another host can't be checked, so it counts as
    /// live for <see cref="OtherHostLease"/> after it was made.
    /// </summary>
    public sealed class RotationClaimant
    {
        /// <summary>How long a claim made on another host counts as a rotation in progress.</summary>
        public static readonly TimeSpan OtherHostLease = TimeSpan.FromMinutes(15);

        /// <summary>What a start-of-process probe answers for a process that runs but can't be inspected (taken as the claimant).</summary>
        public const long UnknownStart = -1;

        private static readonly Lazy<RotationClaimant> Current = new Lazy<RotationClaimant>(ForCurrentProcess);
        private readonly ConcurrentDictionary<string, byte> _active = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        private readonly Func<DateTimeOffset> _now;
        private readonly Func<int, long?> _startOfProcess;

        /// <summary>A claimant with the given identity and probes (tests stand in for processes and clocks).</summary>
        /// <param name="host">This host's name.</param>
        /// <param name="processId">This process's id.</param>
        /// <param name="processStart">When this process started, unix seconds.</param>
        /// <param name="now">The clock.</param>
        /// <param name="startOfProcess">When the process with an id on this host started (unix seconds), null when none runs, <see cref="UnknownStart"/> when it runs but can't be inspected.</param>
        public RotationClaimant(string host, int processId, long processStart, Func<DateTimeOffset> now, Func<int, long?> startOfProcess)
        {
            Host = RotationClaim.CleanHost(host);
            ProcessId = processId;
            ProcessStart = processStart;
            _now = now ?? throw new ArgumentNullException(nameof(now));
            _startOfProcess = startOfProcess ?? throw new ArgumentNullException(nameof(startOfProcess));
        }

        /// <summary>The claimant of this process (one per process, so its runs see each other).</summary>
        public static RotationClaimant ThisProcess => Current.Value;

        /// <summary>This host's name as claims carry it.</summary>
        public string Host { get; }

        /// <summary>This process's id.</summary>
        public int ProcessId { get; }

        /// <summary>When this process started, unix seconds.</summary>
        public long ProcessStart { get; }

        /// <summary>A new claim for a run that starts now; it stays live until <see cref="End"/>.</summary>
        public RotationClaim Begin()
        {
            var claim = RotationClaim.Create(Guid.NewGuid().ToString("N").Substring(0, 12), ProcessId, ProcessStart, _now(), Host);
            _active[claim.RunId] = 0;
            return claim;
        }

        /// <summary>The run of <paramref name="claim"/> is over: a label it left behind now reads as dead.</summary>
        public void End(RotationClaim claim)
        {
            if (claim != null) _active.TryRemove(claim.RunId, out _);
        }

        /// <summary>True while the run behind <paramref name="claim"/> may still be working.</summary>
        public bool IsLive(RotationClaim claim)
        {
            if (claim == null) throw new ArgumentNullException(nameof(claim));
            if (!string.Equals(claim.Host, Host, StringComparison.OrdinalIgnoreCase))
            {
                return _now() - claim.ClaimedAt < OtherHostLease;
            }
            if (claim.ProcessId == ProcessId && claim.ProcessStart == ProcessStart) return _active.ContainsKey(claim.RunId);
            long? start = _startOfProcess(claim.ProcessId);
            if (start == UnknownStart) return true;
            // The clock's rounding of a start time can differ by a second between readers.
            return start.HasValue && Math.Abs(start.Value - claim.ProcessStart) <= 2;
        }

        private static RotationClaimant ForCurrentProcess()
        {
            using (var self = Process.GetCurrentProcess())
            {
                return new RotationClaimant(Environment.MachineName, self.Id, StartOf(self), () => DateTimeOffset.UtcNow, StartOfProcess);
            }
        }

        private static long? StartOfProcess(int processId)
        {
            Process process;
            try
            {
                process = Process.GetProcessById(processId);
            }
            catch (ArgumentException)
            {
                return null; // no such process: the run is gone
            }
            catch (InvalidOperationException)
            {
                return null;
            }
            using (process)
            {
                try
                {
                    if (process.HasExited) return null;
                    return StartOf(process);
                }
                catch (Exception e) when (e is InvalidOperationException || e is System.ComponentModel.Win32Exception || e is NotSupportedException)
                {
                    // A process we may not inspect is taken as the claimant: refusing is safer than resuming under it.
                    return UnknownStart;
                }
            }
        }

        private static long StartOf(Process process) => new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeSeconds();
    }
}
