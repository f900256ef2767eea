using System;
using System.Collections;
using System.Collections.Generic;

namespace SecretsManager.Engine.Internal
{
    /// <summary>
    /// Treats an empty endpoint variable (AWS_ENDPOINT_URL=, AWS_ENDPOINT_URL_STS= ...) as unset, as the AWS CLI
    /// does. AWSSDK.Core would otherwise hand the empty value to the STS and SSO clients that credential providers
    /// create, which fail with ArgumentNullException ('url'). An empty value means nothing, so removing it from this
    /// process's environment loses nothing.
    /// </summary>
    internal static class EmptyEndpointVariables
    {
        private const string Prefix = "AWS_ENDPOINT_URL";

        /// <summary>Removes every AWS_ENDPOINT_URL* variable whose value is empty or blank; returns their names.</summary>
        public static IReadOnlyList<string> Clear()
        {
            var cleared = new List<string>();
            foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            {
                if (!(entry.Key is string name) || !name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) continue;
                if (!string.IsNullOrWhiteSpace(entry.Value as string)) continue;
                Environment.SetEnvironmentVariable(name, null);
                cleared.Add(name);
            }
            return cleared;
        }
    }
}
