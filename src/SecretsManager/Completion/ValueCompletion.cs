using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace SecretsManager.Completion
{
    /// <summary>Completion results for a fixed list of values: those starting with what was typed (quotes ignored).</summary>
    internal static class ValueCompletion
    {
        public static IEnumerable<CompletionResult> StartingWith(IEnumerable<string> values, string wordToComplete)
        {
            string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return values
                .Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v))
                .ToList();
        }
    }
}
