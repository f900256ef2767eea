namespace SecretsManager.Engine.Lookups
{
    /// <summary>One AWS region as the SDK's endpoint data names it.</summary>
    public sealed class RegionName
    {
        /// <summary>Creates a region entry.</summary>
        public RegionName(string systemName, string displayName, string partition)
        {
            SystemName = systemName;
            DisplayName = displayName;
            Partition = partition;
        }

        /// <summary>The region's name, e.g. eu-west-1.</summary>
        public string SystemName { get; }

        /// <summary>Its description, e.g. "Europe (Ireland)".</summary>
        public string DisplayName { get; }

        /// <summary>Its partition, e.g. aws, aws-cn, aws-us-gov.</summary>
        public string Partition { get; }
    }
}
