using System;
using System.Collections.Generic;
using System.Linq;

namespace SecretsManager.Engine.Lookups
{
    /// <summary>
    /// The regions AWSSDK.Core's own endpoint data knows, in every partition (aws, aws-cn, aws-us-gov, the ISO
    /// partitions), so completion follows the SDK the module ships instead of a list typed by hand.
    /// </summary>
    public static class RegionCatalog
    {
        private static readonly Lazy<IReadOnlyList<RegionName>> All = new Lazy<IReadOnlyList<RegionName>>(Load);

        /// <summary>Every region, sorted by name.</summary>
        public static IReadOnlyList<RegionName> Regions => All.Value;

        private static IReadOnlyList<RegionName> Load() =>
            Amazon.RegionEndpoint.EnumerableAllRegions
                // us-east-1-regional is an endpoint variant of us-east-1, not a region a user picks.
                .Where(r => !r.SystemName.EndsWith("-regional", StringComparison.Ordinal))
                .Select(r => new RegionName(r.SystemName, r.DisplayName, r.PartitionName))
                .GroupBy(r => r.SystemName, StringComparer.Ordinal).Select(g => g.First())
                .OrderBy(r => r.SystemName, StringComparer.Ordinal)
                .ToList();
    }
}
