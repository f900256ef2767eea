namespace SecretsManager.Engine.Workflows.Rotation.PostgreSql
{
    /// <summary>What the PostgreSQL provider keeps between the steps of one secret's rotation.</summary>
    internal sealed class PostgreSqlRunState
    {
        /// <summary>psql, found when the secret was validated.</summary>
        public PsqlRunner Runner { get; set; }

        /// <summary>The credentials of the secret masterarn names (alternating users).</summary>
        public PostgreSqlLogin Master { get; set; }
    }
}
