using System;
using System.Linq;
using System.Threading;
using SecretsManager.Engine;

namespace SecretsManager.Commands
{
    /// <summary>Reads, through the public API, how far an asynchronous rotation has got, and paces the polling.</summary>
    internal static class RotationWaiter
    {
        public static RotationProgress Read(ISecretsManagerClient client, string secretId, string versionId)
        {
            var request = new ListSecretVersionIdsRequest { SecretId = secretId, IncludeDeprecated = true };
            var version = client.ListSecretVersionIdsAll(request).FirstOrDefault(v => v.VersionId == versionId);
            if (version == null) return RotationProgress.NotStarted;
            var stages = version.VersionStages ?? new System.Collections.Generic.List<string>();
            if (stages.Contains(DocumentedRules.CurrentStage)) return RotationProgress.Finished;
            if (stages.Contains(DocumentedRules.PendingStage)) return RotationProgress.Pending;
            return RotationProgress.Abandoned;
        }

        /// <summary>Polling back-off: quick at first (local endpoints finish in well under a second), then every 2 s.</summary>
        public static TimeSpan Delay(int attempt) => TimeSpan.FromMilliseconds(Math.Min(2000, 100 * (1 << Math.Min(attempt, 5))));

        /// <summary>Sleeps in small slices so Ctrl+C is honoured promptly.</summary>
        public static void Sleep(TimeSpan delay, Func<bool> stopping)
        {
            var until = DateTime.UtcNow + delay;
            while (DateTime.UtcNow < until && !stopping()) Thread.Sleep(50);
        }
    }
}
