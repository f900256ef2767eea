using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Progress;

namespace SecretsManager.Engine.Workflows.Rotation
{
    /// <summary>
    /// Follows one asynchronous rotation through the public API (ListSecretVersionIds) until the new version is
    /// AWSCURRENT, is seen to be abandoned, or the wait runs out. One <see cref="Poll"/> is one call, so the caller
    /// can bound and cancel each call on its own and report progress between them.
    /// </summary>
    public sealed class RotationWatch
    {

        private readonly ISecretsManagerClient _client;
        private readonly Func<TimeSpan> _elapsed;
        private int _polls;

        /// <summary>Watches the rotation that creates <paramref name="versionId"/> of <paramref name="secretId"/>.</summary>
        public RotationWatch(ISecretsManagerClient client, string secretId, string versionId, TimeSpan limit)
            : this(client, secretId, versionId, limit, StartClock()) { }

        /// <summary>As the other constructor, with a clock of the caller's (for tests).</summary>
        public RotationWatch(ISecretsManagerClient client, string secretId, string versionId, TimeSpan limit, Func<TimeSpan> elapsed)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            SecretId = secretId ?? throw new ArgumentNullException(nameof(secretId));
            VersionId = versionId ?? throw new ArgumentNullException(nameof(versionId));
            Limit = limit;
            _elapsed = elapsed ?? throw new ArgumentNullException(nameof(elapsed));
        }

        /// <summary>The secret being rotated.</summary>
        public string SecretId { get; }

        /// <summary>The version the rotation creates.</summary>
        public string VersionId { get; }

        /// <summary>How long the wait may take.</summary>
        public TimeSpan Limit { get; }

        /// <summary>What the last poll saw.</summary>
        public RotationProgress State { get; private set; } = RotationProgress.NotStarted;

        /// <summary>True once the rotation finished or was abandoned, or the wait ran out.</summary>
        public bool IsOver => State == RotationProgress.Finished || State == RotationProgress.Abandoned || TimedOut;

        /// <summary>True when the limit passed before the rotation finished.</summary>
        public bool TimedOut { get; private set; }

        /// <summary>Reads the new version's labels once and returns what they say.</summary>
        public RotationProgress Poll()
        {
            var request = new ListSecretVersionIdsRequest { SecretId = SecretId, IncludeDeprecated = true };
            var version = _client.ListSecretVersionIdsAll(request).FirstOrDefault(v => v.VersionId == VersionId);
            State = StateOf(version?.VersionStages);
            _polls++;
            TimedOut = State != RotationProgress.Finished && State != RotationProgress.Abandoned && _elapsed() >= Limit;
            return State;
        }

        /// <summary>The labels of the new version, read as rotation progress.</summary>
        public static RotationProgress StateOf(IReadOnlyCollection<string> stages)
        {
            if (stages == null) return RotationProgress.NotStarted;
            if (stages.Contains(StagingLabels.Current)) return RotationProgress.Finished;
            if (stages.Contains(StagingLabels.Pending)) return RotationProgress.Pending;
            return RotationProgress.Abandoned;
        }

        /// <summary>The pause before the next poll: quick at first (local endpoints finish in well under a second), then every 2 s.</summary>
        public TimeSpan NextDelay => Delay(_polls);

        /// <summary>The pause after <paramref name="polls"/> polls.</summary>
        public static TimeSpan Delay(int polls) => TimeSpan.FromMilliseconds(Math.Min(2000, 100 * (1 << Math.Min(Math.Max(polls - 1, 0), 5))));

        /// <summary>Waits <see cref="NextDelay"/>, or less when <paramref name="cancel"/> fires (Ctrl+C).</summary>
        public void Pause(CancellationToken cancel) => cancel.WaitHandle.WaitOne(NextDelay);

        /// <summary>Progress so far, for a progress bar.</summary>
        public ProgressUpdate Progress()
        {
            string status = State == RotationProgress.NotStarted
                ? $"Waiting for createSecret to add version {VersionId} (AWSPENDING)"
                : $"Version {VersionId} is AWSPENDING; waiting for setSecret, testSecret and finishSecret";
            int percent = State == RotationProgress.NotStarted ? 10 : 50;
            return new ProgressUpdate(status, percent, completed: false);
        }

        /// <summary>Why the wait did not end in success, or null when it did (or is not over).</summary>
        public string Failure()
        {
            if (State == RotationProgress.Abandoned)
            {
                return $"The rotation of secret '{SecretId}' did not finish: version {VersionId} lost its AWSPENDING label without becoming AWSCURRENT (the rotation was cancelled or undone).";
            }
            if (!TimedOut) return null;
            string where = State == RotationProgress.NotStarted
                ? "the rotation function never created the new version (createSecret did not run or failed)"
                : $"version {VersionId} still carries AWSPENDING (a rotation step failed or is still running)";
            return $"The rotation of secret '{SecretId}' did not finish within {Limit.TotalSeconds:0} s: {where}. AWSCURRENT is unchanged.";
        }

        private static Func<TimeSpan> StartClock()
        {
            var clock = Stopwatch.StartNew();
            return () => clock.Elapsed;
        }
    }
}
