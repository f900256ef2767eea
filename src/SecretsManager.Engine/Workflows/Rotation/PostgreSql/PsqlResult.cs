namespace SecretsManager.Engine.Workflows.Rotation.PostgreSql
{
    /// <summary>How one psql run ended.</summary>
    public sealed class PsqlResult
    {
        /// <summary>psql's exit code: 0 success, 1 a fatal error of its own, 2 no connection (or login refused), 3 a failed statement.</summary>
        public int ExitCode { get; set; }

        /// <summary>What psql printed on standard output.</summary>
        public string Output { get; set; } = string.Empty;

        /// <summary>What psql printed on standard error, without statement echoes.</summary>
        public string Error { get; set; } = string.Empty;

        /// <summary>True when psql was stopped because it took too long.</summary>
        public bool TimedOut { get; set; }

        /// <summary>True when psql ran the whole script.</summary>
        public bool Succeeded => !TimedOut && ExitCode == 0;

        /// <summary>
        /// True when psql never had a session: exit code 2 with its start-up error ("psql: error: connection to server
        /// ... failed", a refused login), so no statement ran. A session lost midway says "psql:&lt;stdin&gt;:N:" instead,
        /// and a statement may have run.
        /// </summary>
        public bool NeverConnected => !TimedOut && ExitCode == 2 && Error.StartsWith("psql: error:", System.StringComparison.Ordinal);

        /// <summary>psql's message, or what happened when it said nothing.</summary>
        public string Message => TimedOut ? "psql did not finish in time and was stopped."
            : Error.Length > 0 ? Error
            : $"psql ended with exit code {ExitCode}.";
    }
}
