using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Workflows.Copying
{
    /// <summary>The destination names of a copy: the rules a name must follow, and one name per secret.</summary>
    public static class DestinationNames
    {
        /// <summary>AWS's rule for the characters of a secret's name: letters, digits and /_+=.@- (a constant, so attributes can take it).</summary>
        public const string NamePattern = "^[A-Za-z0-9/_+=.@-]+$";

        private static readonly Regex NameRule = new Regex(NamePattern, RegexOptions.CultureInvariant);

        /// <summary>Why <paramref name="name"/> can't name a secret, or null when it can.</summary>
        public static string Problem(string name)
        {
            if (string.IsNullOrEmpty(name)) return "it is empty";
            if (name.Length > ModelConstraints.NameTypeMaxLength) return $"it is {name.Length} characters long; a name has at most {ModelConstraints.NameTypeMaxLength}";
            if (!NameRule.IsMatch(name)) return "a name may hold only letters, digits and the characters /_+=.@-";
            return null;
        }

        /// <summary>
        /// Refuses a map (source name to destination name) that sends two secrets to one name, naming both, since
        /// the second copy would overwrite the first.
        /// </summary>
        /// <exception cref="CopyRefusedException">Two source names map to one destination name.</exception>
        public static void EnsureOnePerName(IEnumerable<KeyValuePair<string, string>> map)
        {
            if (map == null) throw new ArgumentNullException(nameof(map));
            var clash = map.GroupBy(p => p.Value, StringComparer.Ordinal)
                .Select(g => g.Select(p => p.Key).Distinct(StringComparer.Ordinal).ToList())
                .FirstOrDefault(sources => sources.Count > 1);
            if (clash == null) return;
            string destination = map.First(p => p.Key == clash[0]).Value;
            throw new CopyRefusedException(CopyRefusedException.DestinationNameCollision,
                $"'{clash[0]}' and '{clash[1]}' would both be copied to '{destination}'. Nothing was written. " +
                "Give each secret a name of its own (-DestinationName or -DestinationPrefix).");
        }
    }
}
