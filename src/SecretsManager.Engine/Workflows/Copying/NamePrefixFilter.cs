using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Workflows.Copying
{
    /// <summary>
    /// Narrows one listing to the names a copy needs: ListSecrets's name filter matches by prefix (case-sensitive), so
    /// the names themselves (up to the filter's 10 values) or, for more, their common prefix. The caller still matches
    /// exactly; the filter only saves pages.
    /// </summary>
    internal static class NamePrefixFilter
    {
        private static readonly Regex ValueRule = new Regex(ModelConstraints.FilterValueStringTypePattern, RegexOptions.CultureInvariant);

        /// <summary>The filters for one listing of every name starting with one of <paramref name="prefixes"/>; null to list everything.</summary>
        public static List<Filter> For(IEnumerable<string> prefixes)
        {
            var values = prefixes.Distinct(StringComparer.Ordinal).ToList();
            if (values.Count == 0 || values.Any(string.IsNullOrEmpty)) return null;
            if (values.Count > ModelConstraints.FilterValuesStringListMaxLength) values = new List<string> { CommonPrefix(values) };
            if (values.Any(v => !Usable(v))) return null;
            return new List<Filter> { new Filter { Key = "name", Values = values } };
        }

        private static bool Usable(string value) =>
            value.Length > 0 && value.Length <= ModelConstraints.FilterValueStringTypeMaxLength
            && !value.StartsWith("!", StringComparison.Ordinal) && ValueRule.IsMatch(value);

        private static string CommonPrefix(List<string> values)
        {
            string prefix = values[0];
            foreach (string value in values.Skip(1))
            {
                int i = 0;
                while (i < prefix.Length && i < value.Length && prefix[i] == value[i]) i++;
                prefix = prefix.Substring(0, i);
                if (prefix.Length == 0) break;
            }
            return prefix;
        }
    }
}
