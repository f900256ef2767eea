using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.LocalEndpoints;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Progress;

namespace SecretsManager.Engine.Workflows.Rotation
{
    /// <summary>
    /// Follows one asynchronous rotation through the public API (ListSecretVersionIds) until the new version is
    /// AWSCURRENT, is seen to be abandoned, is reported failed, or the wait runs out. One <see cref="Poll"/> is one
    /// call (and, for an endpoint with a rotation report, one question to it), so the caller can bound and cancel each
    /// call on its own and report progress between them.
    /// </summary>
    /// <remarks>
    /// The labels can't show a failed step: a createSecret that failed, or returned success without creating the
    /// version, leaves no version at all. On AWS that shows in CloudTrail only, so the watch runs to its limit; a
    /// SecretsManager.Local says which step failed (<see cref="LocalRotationReport"/>), and the watch ends at once.
    /// </remarks>
    public sealed class RotationWatch
    {

        private readonly ISecretsManagerClient _client;
        private readonly Func<TimeSpan> _elapsed;
        private readonly IRotationReport _report;
        private int _polls;

        /// <summary>
        /// Watches the rotation that creates <paramref name="versionId"/> of <paramref name="secretId"/>, asking a
        /// SecretsManager.Local on this machine about failed steps when the client calls one.
        /// </summary>
        public RotationWatch(ISecretsManagerClient client, string secretId, string versionId, TimeSpan limit)
            : this(client, secretId, versionId, limit, StartClock(), LocalRotationReport.For(client?.Resolution)) { }

        /// <summary>As the other constructor, with a clock and a report (or none) of the caller's (for tests).</summary>
        public RotationWatch(ISecretsManagerClient client, string secretId, string versionId, TimeSpan limit, Func<TimeSpan> elapsed, IRotationReport report = null)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            SecretId = secretId ?? throw new ArgumentNullException(nameof(secretId));
            VersionId = versionId ?? throw new ArgumentNullException(nameof(versionId));
            Limit = limit;
            _elapsed = elapsed ?? throw new ArgumentNullException(nameof(elapsed));
            _report = report;
        }

        /// <summary>The secret being rotated.</summary>
        public string SecretId { get; }

        /// <summary>The version the rotation creates.</summary>
        public string VersionId { get; }

        /// <summary>How long the wait may take.</summary>
        public TimeSpan Limit { get; }

        /// <summary>What the last poll saw.</summary>
        public RotationProgress State { get; private set; } = RotationProgress.NotStarted;

        /// <summary>The failed step, once the report told it (<see cref="RotationProgress.Failed"/>).</summary>
        public RotationStepFailure StepFailure { get; private set; }

        /// <summary>True once the rotation finished, was abandoned or failed, or the wait ran out.</summary>
        public bool IsOver => State == RotationProgress.Finished || State == RotationProgress.Abandoned || State == RotationProgress.Failed || TimedOut;

        /// <summary>True when the limit passed before the rotation finished.</summary>
        public bool TimedOut { get; private set; }

        /// <summary>Reads the new version's labels once and returns what they say.</summary>
        public RotationProgress Poll()
        {
            var request = new ListSecretVersionIdsRequest { SecretId = SecretId, IncludeDeprecated = true };
            var version = _client.ListSecretVersionIdsAll(request).FirstOrDefault(v => v.VersionId == VersionId);
            State = StateOf(version?.VersionStages);
            if ((State == RotationProgress.NotStarted || State == RotationProgress.Pending) && _report != null)
            {
                StepFailure = _report.FailureOf(SecretId, VersionId);
                if (StepFailure != null) State = RotationProgress.Failed;
            }
            _polls++;
            TimedOut = (State == RotationProgress.NotStarted || State == RotationProgress.Pending) && _elapsed() >= Limit;
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
            if (State == RotationProgress.Failed)
            {
                string why = (StepFailure.Message ?? "no reason given").TrimEnd('.', ' ');
                return $"The rotation of secret '{SecretId}' to version {VersionId} failed at its {StepFailure.Step} step: {why}. AWSCURRENT is unchanged.";
            }
            if (!TimedOut) return null;
            string where = State == RotationProgress.NotStarted
                ? $"there is no version {VersionId} yet, which the rotation function's createSecret step creates (it has not run, is still running, failed, or did not call PutSecretValue with AWSPENDING: the function's log says which)"
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
