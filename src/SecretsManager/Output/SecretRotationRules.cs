using SecretsManager.Engine.Model;

namespace SecretsManager
{
    /// <summary>When a secret is rotated: every N days or on a schedule expression, within an optional window.</summary>
    public sealed class SecretRotationRules
    {
        /// <summary>Days between rotations, when the schedule is given that way.</summary>
        public long? AutomaticallyAfterDays { get; private set; }

        /// <summary>The rotation window, e.g. 3h.</summary>
        public string Duration { get; private set; }

        /// <summary>A rate() or cron() schedule expression.</summary>
        public string ScheduleExpression { get; private set; }

        /// <inheritdoc/>
        public override string ToString()
        {
            string schedule = ScheduleExpression ?? (AutomaticallyAfterDays.HasValue ? $"every {AutomaticallyAfterDays} days" : "(no schedule)");
            return Duration == null ? schedule : $"{schedule}, window {Duration}";
        }

        internal static SecretRotationRules From(RotationRulesType rules) =>
            rules == null ? null : new SecretRotationRules
            {
                AutomaticallyAfterDays = rules.AutomaticallyAfterDays,
                Duration = rules.Duration,
                ScheduleExpression = rules.ScheduleExpression,
            };
    }
}
