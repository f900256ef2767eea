using System;
using System.Collections;
using System.Management.Automation;
using SecretsManager.Connection;
using SecretsManager.Conversion;
using SecretsManager.Engine.Client;
using SecretsManager.Transformation;

namespace SecretsManager.Completion
{
    /// <summary>
    /// What a completer needs to call Secrets Manager as the command being typed would: the -Region, -EndpointUrl,
    /// -ProfileName and -Credential already typed, else $PSDefaultParameterValues, else the environment; and the
    /// secret already typed, for completers of a secret's labels, versions or tags.
    /// </summary>
    internal static class CompletionConnection
    {
        public static SecretsManagerClientOptions Options(string commandName, IDictionary fakeBoundParameters) =>
            ClientOptionsBuilder.Build(
                Setting(commandName, "Region", fakeBoundParameters) as string,
                Setting(commandName, "ProfileName", fakeBoundParameters) as string,
                CredentialSetting(commandName, fakeBoundParameters),
                Setting(commandName, "EndpointUrl", fakeBoundParameters) as string);

        /// <summary>The one secret typed for -SecretId (or its aliases), or null when none or several are.</summary>
        public static string TypedSecretId(IDictionary fakeBoundParameters)
        {
            if (fakeBoundParameters == null) return null;
            foreach (string name in new[] { "SecretId", "Name", "ARN", "Id" })
            {
                if (!fakeBoundParameters.Contains(name)) continue;
                object value = PSObjectConverter.Unwrap(fakeBoundParameters[name]);
                if (value is string text) return text.Length == 0 ? null : text;
                if (value is object[] items && items.Length == 1 && PSObjectConverter.Unwrap(items[0]) is string single) return single;
                return null;
            }
            return null;
        }

        private static PSCredential CredentialSetting(string commandName, IDictionary fakeBoundParameters)
        {
            object value = Setting(commandName, "Credential", fakeBoundParameters);
            if (value == null) return null;
            return new AwsCredentialTransformationAttribute().Transform(null, value) as PSCredential;
        }

        /// <summary>A connection setting typed on the command line, else one from $PSDefaultParameterValues.</summary>
        private static object Setting(string commandName, string parameterName, IDictionary fakeBoundParameters)
        {
            if (fakeBoundParameters != null && fakeBoundParameters.Contains(parameterName))
            {
                return PSObjectConverter.Unwrap(fakeBoundParameters[parameterName]);
            }
            if (!(PSObjectConverter.Unwrap(DefaultParameterValues()) is IDictionary defaults)) return null;
            foreach (DictionaryEntry entry in defaults)
            {
                // Keys look like 'Get-SmSecret:Region' or '*-Sm*:EndpointUrl'.
                string key = PSObjectConverter.Unwrap(entry.Key) as string;
                int colon = key?.LastIndexOf(':') ?? -1;
                if (colon <= 0) continue;
                string commandPattern = key.Substring(0, colon).Trim();
                string parameter = key.Substring(colon + 1).Trim();
                if (!string.Equals(parameter, parameterName, StringComparison.OrdinalIgnoreCase)) continue;
                if (!WildcardPattern.Get(commandPattern, WildcardOptions.IgnoreCase).IsMatch(commandName ?? string.Empty)) continue;
                object value = PSObjectConverter.Unwrap(entry.Value);
                if (value is ScriptBlock) continue; // evaluated per call by PowerShell; not run from a completer
                return value;
            }
            return null;
        }

        private static object DefaultParameterValues()
        {
            // Completers run on the pipeline thread while TabExpansion2's pipeline is running, where the runspace's
            // SessionStateProxy throws ("A pipeline is already running"); a script block invoked here reads the
            // variable from the current scope (so a script's own defaults are visible too).
            return ScriptBlock.Create("$PSDefaultParameterValues").InvokeReturnAsIs();
        }

    }
}
