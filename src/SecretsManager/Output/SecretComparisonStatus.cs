namespace SecretsManager
{
    /// <summary>How a secret compares with its copy (Compare-SmSecret).</summary>
    public enum SecretComparisonStatus
    {
        /// <summary>Nothing that is compared differs.</summary>
        Same,

        /// <summary>The copy exists and something differs: see Differences.</summary>
        Different,

        /// <summary>The destination has no secret of that name.</summary>
        OnlyInSource,

        /// <summary>A destination secret that no source secret maps to (-IncludeDestinationOnly).</summary>
        OnlyInDestination,
    }
}
