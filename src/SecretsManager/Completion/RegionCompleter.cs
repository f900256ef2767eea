using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using SecretsManager.Engine.Lookups;

namespace SecretsManager.Completion
{
    /// <summary>
    /// Completes -Region (and -ReplicaRegion) with the regions of AWSSDK.Core's endpoint data, every partition
    /// included; the tooltip is the region's description, e.g. "Europe (Ireland)".
    /// </summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        /// <inheritdoc/>
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return RegionCatalog.Regions
                .Where(r => r.SystemName.StartsWith(prefix, System.StringComparison.OrdinalIgnoreCase))
                .Select(r => new CompletionResult(r.SystemName, r.SystemName, CompletionResultType.ParameterValue,
                    string.IsNullOrEmpty(r.DisplayName) ? r.SystemName : $"{r.SystemName}: {r.DisplayName} ({r.Partition})"))
                .ToList();
        }
    }
}
