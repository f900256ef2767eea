using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using SecretsManager.Engine.Conversion;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Workflows.Reading
{
    /// <summary>
    /// Turns Get-SmSecret's -Name wildcards and -Tag pairs into what the server can filter (name and tag prefixes)
    /// plus the exact match that is then checked locally, since ListSecrets filters only match prefixes.
    /// </summary>
    /// <remarks>
    /// Names match case-sensitively, as -clike does: AWS's name filter is a case-sensitive prefix, and matching the
    /// rest without case would make 'prod/*' and 'PROD/*' differ in the prefix only. Matching as -like does would
    /// mean sending no name filter and listing every secret: for 10,000 secrets 100 ListSecrets pages instead of one
    /// (on SecretsManager.Local 0.9–3.2 s instead of 5–30 ms), for every pattern with a prefix.
    /// </remarks>
    public sealed class SecretListQuery
    {
        private static readonly Regex FilterValueRule = new Regex(ModelConstraints.FilterValueStringTypePattern, RegexOptions.CultureInvariant);
        private readonly List<Wildcard> _names = new List<Wildcard>();
        private readonly List<KeyValuePair<string, Wildcard>> _tags = new List<KeyValuePair<string, Wildcard>>();

        /// <summary>Builds the query.</summary>
        /// <param name="names">Name patterns (PowerShell wildcards), or null for any name.</param>
        /// <param name="tags">Tag key to value pattern; a null or empty value asks only that the key exists.</param>
        /// <param name="filters">The caller's own ListSecrets filters, sent as they are.</param>
        public SecretListQuery(IEnumerable<string> names, IEnumerable<KeyValuePair<string, string>> tags, IEnumerable<Filter> filters)
        {
            ServerFilters = filters?.ToList() ?? new List<Filter>();
            var nameList = names?.ToList() ?? new List<string>();
            if (nameList.Count > 0)
            {
                _names.AddRange(nameList.Select(n => new Wildcard(n, ignoreCase: false)));
                NamePrefixes = nameList.Select(FilterBuilder.WildcardPrefix).ToList();
                AddPrefixFilter("name", NamePrefixes.ToList());
            }
            var tagList = tags?.ToList() ?? new List<KeyValuePair<string, string>>();
            if (tagList.Count > 0)
            {
                var keys = new List<string>();
                var values = new List<string>();
                foreach (var tag in tagList)
                {
                    string value = string.IsNullOrEmpty(tag.Value) ? "*" : tag.Value; // @{ env = $null } asks only that the key exists
                    _tags.Add(new KeyValuePair<string, Wildcard>(tag.Key, new Wildcard(value, ignoreCase: true)));
                    keys.Add(tag.Key);
                    values.Add(FilterBuilder.WildcardPrefix(value));
                }
                AddPrefixFilter("tag-key", keys);
                AddPrefixFilter("tag-value", values);
            }
        }

        /// <summary>The filters to send: the caller's -Filter plus prefix filters that narrow the listing.</summary>
        public List<Filter> ServerFilters { get; }

        /// <summary>The literal start of each name pattern, in order ("" for a pattern that starts with a wildcard).</summary>
        public IReadOnlyList<string> NamePrefixes { get; } = new List<string>();

        /// <summary>The name patterns, as given.</summary>
        public IReadOnlyList<string> NamePatterns => _names.Select(n => n.Pattern).ToList();

        /// <summary>True when a literal -Name (no wildcard) was asked for: finding nothing is then an error.</summary>
        public static bool IsLiteral(string name) => !Wildcard.ContainsWildcard(name);

        /// <summary>True when the listed secret matches every name and tag pattern.</summary>
        public bool Matches(SecretListEntry secret)
        {
            if (_names.Count > 0 && !_names.Any(p => p.IsMatch(secret.Name ?? string.Empty))) return false;
            foreach (var tag in _tags)
            {
                // Tag keys are case-sensitive in AWS; compare them exactly, values by wildcard.
                var match = secret.Tags?.FirstOrDefault(t => string.Equals(t.Key, tag.Key, StringComparison.Ordinal));
                if (match == null || !tag.Value.IsMatch(match.Value ?? string.Empty)) return false;
            }
            return true;
        }

        private void AddPrefixFilter(string key, List<string> prefixes)
        {
            // One empty prefix means "anything" for that value list; values the filter syntax can't carry are matched
            // locally only. Filter values are OR-ed, so every value must be usable or none is sent.
            if (prefixes.Count == 0 || prefixes.Count > ModelConstraints.FilterValuesStringListMaxLength) return;
            if (prefixes.Any(p => p.Length == 0 || p.StartsWith("!", StringComparison.Ordinal) || p.Length > ModelConstraints.FilterValueStringTypeMaxLength || !FilterValueRule.IsMatch(p))) return;
            if (ServerFilters.Count >= ModelConstraints.FiltersListTypeMaxLength) return;
            ServerFilters.Add(new Filter { Key = key, Values = prefixes.Distinct(StringComparer.Ordinal).ToList() });
        }
    }
}
