namespace SecretsManager.Engine.Workflows.Rotation.PostgreSql
{
    /// <summary>AWS's two documented rotation strategies for database users.</summary>
    public enum PostgreSqlStrategy
    {
        /// <summary>The user changes its own password, logged in as itself; the old password stops working at once.</summary>
        SingleUser,

        /// <summary>
        /// Two users take turns, <c>name</c> and <c>name_clone</c>: each rotation changes the other one's password with the
        /// credentials of the secret named in <c>masterarn</c>, so the previous user keeps working until the next rotation.
        /// </summary>
        AlternatingUsers,
    }
}
