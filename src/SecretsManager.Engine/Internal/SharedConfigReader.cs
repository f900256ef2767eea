using System;
using System.IO;

namespace SecretsManager.Engine.Internal
{
    /// <summary>
    /// Reads shared-config settings that AWSSDK.Core does not expose. A service-specific endpoint comes from a
    /// <c>[services NAME]</c> section, as in the other AWS SDKs:
    /// <code>
    /// [profile dev]
    /// services = local
    /// [services local]
    /// secrets_manager =
    ///   endpoint_url = http://127.0.0.1:4566
    /// </code>
    /// AWSSDK.Core parses these sections only internally, so the engine reads the settings it needs itself.
    /// </summary>
    internal static class SharedConfigReader
    {
        private const string ServiceKey = "secrets_manager";

        /// <summary>The endpoint_url under secrets_manager in section [services <paramref name="sectionName"/>], or null.</summary>
        public static string ReadEndpointUrl(string configFilePath, string sectionName)
        {
            if (string.IsNullOrWhiteSpace(sectionName) || !File.Exists(configFilePath)) { return null; }
            bool inSection = false;
            bool inService = false;
            foreach (string rawLine in File.ReadAllLines(configFilePath))
            {
                string line = StripComment(rawLine);
                if (line.Trim().Length == 0) { continue; }
                string trimmed = line.Trim();
                if (trimmed.StartsWith("[", StringComparison.Ordinal) && trimmed.EndsWith("]", StringComparison.Ordinal))
                {
                    string header = trimmed.Substring(1, trimmed.Length - 2).Trim();
                    inSection = header.StartsWith("services ", StringComparison.Ordinal) &&
                                string.Equals(header.Substring("services ".Length).Trim(), sectionName.Trim(), StringComparison.Ordinal);
                    inService = false;
                    continue;
                }
                if (!inSection) { continue; }

                bool indented = char.IsWhiteSpace(line[0]);
                int equals = trimmed.IndexOf('=');
                if (equals <= 0) { continue; }
                string key = trimmed.Substring(0, equals).Trim();
                string value = trimmed.Substring(equals + 1).Trim();
                if (!indented)
                {
                    // A top-level key starts a service's sub-section when its value is empty.
                    inService = string.Equals(key, ServiceKey, StringComparison.OrdinalIgnoreCase) && value.Length == 0;
                }
                else if (inService && string.Equals(key, "endpoint_url", StringComparison.OrdinalIgnoreCase) && value.Length > 0)
                {
                    return value;
                }
            }
            return null;
        }

        /// <summary>
        /// A top-level setting of a profile section in the config file ([profile NAME], or [default]/[NAME] for default).
        /// Used where AWSSDK.Core drops it (it ignores endpoint_url once a profile also has services).
        /// </summary>
        public static string ReadProfileValue(string configFilePath, string profileName, string key)
        {
            if (string.IsNullOrWhiteSpace(profileName) || !File.Exists(configFilePath)) { return null; }
            bool inProfile = false;
            foreach (string rawLine in File.ReadAllLines(configFilePath))
            {
                string line = StripComment(rawLine);
                string trimmed = line.Trim();
                if (trimmed.Length == 0) { continue; }
                if (trimmed.StartsWith("[", StringComparison.Ordinal) && trimmed.EndsWith("]", StringComparison.Ordinal))
                {
                    string header = trimmed.Substring(1, trimmed.Length - 2).Trim();
                    if (header.StartsWith("profile ", StringComparison.Ordinal)) { header = header.Substring("profile ".Length).Trim(); }
                    inProfile = string.Equals(header, profileName, StringComparison.Ordinal);
                    continue;
                }
                int equals = trimmed.IndexOf('=');
                if (!inProfile || char.IsWhiteSpace(line[0]) || equals <= 0) { continue; }
                if (string.Equals(trimmed.Substring(0, equals).Trim(), key, StringComparison.OrdinalIgnoreCase))
                {
                    string value = trimmed.Substring(equals + 1).Trim();
                    return value.Length == 0 ? null : value;
                }
            }
            return null;
        }

        private static string StripComment(string line)
        {
            string trimmed = line.TrimStart();
            return trimmed.StartsWith("#", StringComparison.Ordinal) || trimmed.StartsWith(";", StringComparison.Ordinal) ? string.Empty : line;
        }
    }
}
