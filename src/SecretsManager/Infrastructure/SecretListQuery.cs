using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using SecretsManager.Conversion;
using SecretsManager.Engine.Conversion;
using SecretsManager.Engine.Model;

namespace SecretsManager.Commands
{
    /// <summary>
    /// Turns Get-SmSecret's -Name wildcards and -Tag pairs into what the server can filter (name and tag prefixes)
    /// plus the exact match that is then checked locally, since ListSecrets filters only match prefixes.
    /// </summary>
    internal sealed class SecretListQuery
    {
        private static readonly Regex FilterValueRule = new Regex(ModelConstraints.FilterValueStringTypePattern, RegexOptions.CultureInvariant);
        private readonly List<WildcardPattern> _names = new List<WildcardPattern>();
        private readonly List<KeyValuePair<string, WildcardPattern>> _tags = new List<KeyValuePair<string, WildcardPattern>>();

        public SecretListQuery(string[] names, IDictionary tags, IEnumerable<Filter> filters)
        {
            ServerFilters = filters?.ToList() ?? new List<Filter>();
            if (names != null && names.Length > 0)
            {
                _names.AddRange(names.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant)));
                AddPrefixFilter("name", names.Select(FilterBuilder.WildcardPrefix).ToList());
            }
            if (tags != null && tags.Count > 0)
            {
                var keys = new List<string>();
                var values = new List<string>();
                foreach (DictionaryEntry entry in tags)
                {
                    string key = Convert.ToString(PSObjectConverter.Unwrap(entry.Key), CultureInfo.InvariantCulture);
                    string value = Convert.ToString(PSObjectConverter.Unwrap(entry.Value), CultureInfo.InvariantCulture);
                    if (string.IsNullOrEmpty(value)) value = "*"; // @{ env = $null } asks only that the key exists
                    _tags.Add(new KeyValuePair<string, WildcardPattern>(key, new WildcardPattern(value, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant)));
                    keys.Add(key);
                    values.Add(FilterBuilder.WildcardPrefix(value));
                }
                AddPrefixFilter("tag-key", keys);
                AddPrefixFilter("tag-value", values);
            }
        }

        /// <summary>The filters to send: the caller's -Filter plus prefix filters that narrow the listing.</summary>
        public List<Filter> ServerFilters { get; }

        /// <summary>True when a literal -Name (no wildcard) was asked for: finding nothing is then an error.</summary>
        public static bool IsLiteral(string name) => !WildcardPattern.ContainsWildcardCharacters(name);

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
            if (prefixes.Any(p => p.Length == 0 || p.StartsWith("!", StringComparison.Ordinal) || p.Length > 512 || !FilterValueRule.IsMatch(p))) return;
            if (ServerFilters.Count >= ModelConstraints.FiltersListTypeMaxLength) return;
            ServerFilters.Add(new Filter { Key = key, Values = prefixes.Distinct(StringComparer.Ordinal).ToList() });
        }
    }
}
