namespace SecretsManager.Engine.Progress
{
    /// <summary>One progress report, free of PowerShell types: the cmdlet turns it into a fresh ProgressRecord.</summary>
    public sealed class ProgressUpdate
    {
        /// <summary>Creates an update.</summary>
        public ProgressUpdate(string status, int? percentComplete, bool completed)
        {
            Status = status;
            PercentComplete = percentComplete;
            Completed = completed;
        }

        /// <summary>What is happening now, e.g. "Secret 51 of 200: 'app/db'".</summary>
        public string Status { get; }

        /// <summary>0–100, or null when the total is unknown.</summary>
        public int? PercentComplete { get; }

        /// <summary>True for the last update of a run.</summary>
        public bool Completed { get; }
    }
}
