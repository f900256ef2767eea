namespace SecretsManager.Engine.Workflows.Copying
{
    /// <summary>How a secret and its copy compare.</summary>
    public enum CopyStatus
    {
        /// <summary>Nothing that is compared differs.</summary>
        Same,

        /// <summary>The destination secret exists and something differs (see the differences).</summary>
        Different,

        /// <summary>The destination has no secret of that name.</summary>
        OnlyInSource,

        /// <summary>A destination secret that no source secret maps to (only when asked for).</summary>
        OnlyInDestination,
    }
}
