using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using System.Text.RegularExpressions;
using System.Threading;
using SecretsManager.Engine;

namespace SecretsManager.Commands
{
    /// <summary>
    /// Completes -SecretId/-Name with secret names from the endpoint in effect: the -Region, -EndpointUrl,
    /// -ProfileName and -Credential already typed on the command line, else $PSDefaultParameterValues, else the
    /// environment. Names are fetched lazily (server-side prefix filter) and cached for a minute.
    /// </summary>
    public sealed class SecretIdCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(60);
        private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(5);
        private const int MaxNames = 1000;
        private static readonly Regex FilterValueRule = new Regex(ModelConstraints.FilterValueStringTypePattern, RegexOptions.CultureInvariant);
        private static readonly Regex BarewordRule = new Regex(@"^[A-Za-z0-9/_.=+][A-Za-z0-9/_.=+@-]*$", RegexOptions.CultureInvariant);
        private static readonly object Gate = new object();
        private static readonly List<CacheEntry> Cache = new List<CacheEntry>();

        private sealed class CacheEntry
        {
            public SecretsManagerClientOptions Options;
            public bool IncludePlannedDeletion;
            public string Prefix;
            public DateTime Expires;
            public List<string> Names;
            public bool Complete;
        }

        /// <inheritdoc/>
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            try
            {
                var options = ClientOptionsBuilder.Build(
                    Setting(commandName, "Region", fakeBoundParameters) as string,
                    Setting(commandName, "ProfileName", fakeBoundParameters) as string,
                    CredentialSetting(commandName, fakeBoundParameters),
                    Setting(commandName, "EndpointUrl", fakeBoundParameters) as string);
                // Restoring only makes sense for secrets that are scheduled for deletion.
                bool includeDeleted = string.Equals(commandName, "Restore-SmSecret", StringComparison.OrdinalIgnoreCase);
                var pattern = new WildcardPattern(word + "*", WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
                return Names(options, includeDeleted, FilterBuilder.WildcardPrefix(word))
                    .Where(pattern.IsMatch)
                    .OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
                    .Select(n => new CompletionResult(Quote(n), n, CompletionResultType.ParameterValue, n))
                    .ToList();
            }
            catch (Exception)
            {
                // Tab completion must never throw into the user's prompt: no region, no credentials or an unreachable
                // endpoint simply means there is nothing to offer.
                return new CompletionResult[0];
            }
        }

        private static List<string> Names(SecretsManagerClientOptions options, bool includeDeleted, string prefix)
        {
            lock (Gate)
            {
                Cache.RemoveAll(e => e.Expires < DateTime.UtcNow);
                // A complete listing for a shorter prefix already holds every name for this one.
                var hit = Cache.FirstOrDefault(e => e.Options.Equals(options) && e.IncludePlannedDeletion == includeDeleted &&
                    prefix.StartsWith(e.Prefix, StringComparison.Ordinal) && (e.Complete || e.Prefix == prefix));
                if (hit != null) return hit.Names;
            }

            var entry = Fetch(options, includeDeleted, prefix);
            lock (Gate)
            {
                Cache.Add(entry);
            }
            return entry.Names;
        }

        private static CacheEntry Fetch(SecretsManagerClientOptions options, bool includeDeleted, string prefix)
        {
            var client = SecretsManagerClientFactory.GetOrCreate(options);
            var names = new List<string>();
            string token = null;
            using (var timeout = new CancellationTokenSource(FetchTimeout))
            {
                do
                {
                    var request = new ListSecretsRequest { MaxResults = 100, NextToken = token, IncludePlannedDeletion = includeDeleted ? true : (bool?)null };
                    if (prefix.Length > 0 && FilterValueRule.IsMatch(prefix))
                    {
                        request.Filters = new List<Filter> { new Filter { Key = "name", Values = new List<string> { prefix } } };
                    }
                    var page = client.ListSecretsAsync(request, timeout.Token).GetAwaiter().GetResult();
                    if (page.SecretList != null) names.AddRange(page.SecretList.Select(s => s.Name).Where(n => n != null));
                    token = page.NextToken;
                }
                while (!string.IsNullOrEmpty(token) && names.Count < MaxNames);
            }
            return new CacheEntry
            {
                Options = options,
                IncludePlannedDeletion = includeDeleted,
                Prefix = prefix,
                Expires = DateTime.UtcNow + CacheLifetime,
                Names = names,
                Complete = string.IsNullOrEmpty(token),
            };
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

        private static string Quote(string name) =>
            BarewordRule.IsMatch(name) ? name : "'" + name.Replace("'", "''") + "'";
    }
}
