using System.Management.Automation;
using SecretsManager.Engine.Progress;

namespace SecretsManager.Conversion
{
    /// <summary>
    /// Makes a new ProgressRecord for every update: hosts that keep the records they were given (a runspace's
    /// Streams.Progress) would otherwise see one shared, mutated record.
    /// </summary>
    internal static class ProgressRecords
    {
        /// <summary>The activity id of per-secret progress.</summary>
        public const int ItemActivityId = 1;

        /// <summary>The activity id of a rotation wait, so that it shows beside per-secret progress.</summary>
        public const int WaitActivityId = 2;

        public static ProgressRecord For(string activity, ProgressUpdate update, int activityId = ItemActivityId) =>
            new ProgressRecord(activityId, activity, update.Status)
            {
                PercentComplete = update.PercentComplete ?? -1,
                RecordType = update.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            };
    }
}
