using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SecretsManager.Engine.Internal;

namespace SecretsManager.Engine.Lookups
{
    /// <summary>
    /// The profile names of the shared config and credentials files (AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE
    /// honoured): every [profile NAME] and [default] of the config file and every [NAME] of the credentials file,
    /// whether or not it holds credentials, as the AWS CLI lists them.
    /// </summary>
    public static class ProfileCatalog
    {
        /// <summary>Every profile name, each once, sorted.</summary>
        public static IReadOnlyList<string> Names()
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (string header in Headers(ProfileContext.ConfigFilePath))
            {
                if (header == "default") names.Add(header);
                else if (header.StartsWith("profile ", StringComparison.Ordinal)) names.Add(header.Substring("profile ".Length).Trim());
            }
            foreach (string header in Headers(ProfileContext.CredentialsFilePath))
            {
                if (!header.Contains(" ")) names.Add(header);
            }
            names.Remove(string.Empty);
            return names.OrderBy(n => n, StringComparer.Ordinal).ToList();
        }

        private static IEnumerable<string> Headers(string path)
        {
            if (string.IsNullOrEmpty(path) || !File.Exists(path)) yield break;
            foreach (string raw in File.ReadAllLines(path))
            {
                string line = raw.Trim();
                if (line.Length > 2 && line[0] == '[' && line[line.Length - 1] == ']') yield return line.Substring(1, line.Length - 2).Trim();
            }
        }
    }
}
