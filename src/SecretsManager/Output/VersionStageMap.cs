using System;
using System.Collections.Generic;
using System.Linq;
using SecretsManager.Engine.Model;

namespace SecretsManager
{
    /// <summary>Version ids and their staging labels; its text is "id: AWSCURRENT; id: AWSPREVIOUS" (for Export-Csv).</summary>
    public sealed class VersionStageMap : Dictionary<string, string[]>
    {
        /// <summary>An empty map.</summary>
        public VersionStageMap() : base(StringComparer.Ordinal) { }

        /// <summary>The versions as "id: label, label; id: label", current first.</summary>
        public override string ToString() =>
            string.Join("; ", this.OrderBy(p => Rank(p.Value)).Select(p => $"{p.Key}: {string.Join(", ", p.Value)}"));

        private static int Rank(string[] stages) =>
            stages.Contains(StagingLabels.Current) ? 0 : stages.Contains(StagingLabels.Previous) ? 1 : stages.Contains(StagingLabels.Pending) ? 2 : 3;
    }
}
