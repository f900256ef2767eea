using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Conversion
{
    /// <summary>Builds ListSecrets/BatchGetSecretValue filters from user input.</summary>
    public static class FilterBuilder
    {
        /// <summary>The filter keys the service accepts (the model's FilterNameStringType).</summary>
        public static readonly IReadOnlyList<string> AllowedKeys = ModelConstraints.FilterNameStringTypeValues.Split('|');

        /// <summary>
        /// Converts a dictionary such as <c>@{ 'tag-key' = 'env'; name = 'app/', 'db/' }</c> into filters. Keys are
        /// filter names (case-insensitive); values are a string or a list of strings.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="filters"/> is null.</exception>
        /// <exception cref="ArgumentException">A key is not a filter name, or a value is null or empty.</exception>
        public static List<Filter> FromDictionary(IDictionary filters)
        {
            if (filters == null) { throw new ArgumentNullException(nameof(filters)); }
            var result = new List<Filter>();
            foreach (DictionaryEntry entry in filters)
            {
                string key = Convert.ToString(Unwrap(entry.Key), CultureInfo.InvariantCulture);
                string canonical = AllowedKeys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
                if (canonical == null)
                {
                    throw new ArgumentException(
                        $"'{key}' is not a Secrets Manager filter name. Use one of: {string.Join(", ", AllowedKeys)}.", nameof(filters));
                }
                result.Add(new Filter { Key = canonical, Values = ToValues(canonical, Unwrap(entry.Value)) });
            }
            return result;
        }

        /// <summary>
        /// The literal text before the first wildcard character (<c>*</c>, <c>?</c>, <c>[</c>) of a PowerShell wildcard
        /// pattern, with backtick escapes resolved. Used to narrow a server-side name filter before matching locally.
        /// </summary>
        public static string WildcardPrefix(string pattern)
        {
            if (pattern == null) { return string.Empty; }
            var prefix = new StringBuilder();
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (c == '`' && i + 1 < pattern.Length)
                {
                    // A backtick makes the next character literal, as in PowerShell's WildcardPattern.
                    prefix.Append(pattern[++i]);
                    continue;
                }
                if (c == '*' || c == '?' || c == '[') { break; }
                prefix.Append(c);
            }
            return prefix.ToString();
        }

        private static List<string> ToValues(string key, object value)
        {
            var values = new List<string>();
            if (value is string single)
            {
                values.Add(single);
            }
            else if (value is IEnumerable many)
            {
                foreach (object item in many)
                {
                    object unwrapped = Unwrap(item);
                    if (unwrapped == null) { throw new ArgumentException($"Filter '{key}' contains a null value.", "filters"); }
                    values.Add(Convert.ToString(unwrapped, CultureInfo.InvariantCulture));
                }
            }
            else if (value != null)
            {
                values.Add(Convert.ToString(value, CultureInfo.InvariantCulture));
            }
            if (values.Count == 0) { throw new ArgumentException($"Filter '{key}' needs at least one value.", "filters"); }
            return values;
        }

        // PowerShell may hand over PSObject wrappers; the engine does not reference PowerShell, so unwrap by name.
        internal static object Unwrap(object value)
        {
            if (value != null && value.GetType().FullName == "System.Management.Automation.PSObject")
            {
                return value.GetType().GetProperty("BaseObject")?.GetValue(value) ?? value;
            }
            return value;
        }
    }
}
