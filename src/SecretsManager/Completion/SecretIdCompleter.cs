using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using System.Text.RegularExpressions;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Conversion;
using SecretsManager.Engine.Lookups;

namespace SecretsManager.Completion
{
    /// <summary>
    /// Completes -SecretId/-Name with secret names from the endpoint in effect: the -Region, -EndpointUrl,
    /// -ProfileName and -Credential already typed on the command line, else $PSDefaultParameterValues, else the
    /// environment. Names are fetched lazily (server-side prefix filter) and cached for a minute.
    /// </summary>
    public sealed class SecretIdCompleter : IArgumentCompleter
    {
        private const int MaxNames = 1000;
        private static readonly Regex BarewordRule = new Regex(@"^[A-Za-z0-9/_.=+][A-Za-z0-9/_.=+@-]*$", RegexOptions.CultureInvariant);
        private static readonly CompletionCache<CacheEntry> Cache = new CompletionCache<CacheEntry>();

        private sealed class CacheEntry
        {
            public SecretsManagerClientOptions Options;
            public bool IncludePlannedDeletion;
            public string Prefix;
            public NameListing Listing;
        }

        /// <inheritdoc/>
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            try
            {
                var options = CompletionConnection.Options(commandName, fakeBoundParameters);
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

        private static IReadOnlyList<string> Names(SecretsManagerClientOptions options, bool includeDeleted, string prefix)
        {
            // A complete listing for a shorter prefix already holds every name for this one.
            var hit = Cache.Find(e => e.Options.Equals(options) && e.IncludePlannedDeletion == includeDeleted &&
                prefix.StartsWith(e.Prefix, StringComparison.Ordinal) && (e.Listing.Complete || e.Prefix == prefix));
            if (hit != null) return hit.Listing.Names;
            var listing = CompletionReader.Read(options, client => SecretNameListing.Read(client, prefix, includeDeleted, MaxNames));
            Cache.Add(new CacheEntry { Options = options, IncludePlannedDeletion = includeDeleted, Prefix = prefix, Listing = listing });
            return listing.Names;
        }

        private static string Quote(string name) =>
            BarewordRule.IsMatch(name) ? name : "'" + name.Replace("'", "''") + "'";
    }
}
