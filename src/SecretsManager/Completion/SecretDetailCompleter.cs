using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using SecretsManager.Engine.Client;

namespace SecretsManager.Completion
{
    /// <summary>
    /// Base of the completers that offer something of the secret already typed (its labels, versions, tag keys).
    /// Reads through the connection the command would use (<see cref="CompletionReader"/>), cached for a minute; offers the fallback
    /// values when no single secret is typed or the read fails, and never throws into the prompt.
    /// </summary>
    public abstract class SecretDetailCompleter : IArgumentCompleter
    {
        private static readonly CompletionCache<CacheEntry> Cache = new CompletionCache<CacheEntry>();

        private sealed class CacheEntry
        {
            public Type Kind;
            public SecretsManagerClientOptions Options;
            public string SecretId;
            public IReadOnlyList<string> Values;
        }

        /// <summary>What the secret offers, e.g. its staging labels.</summary>
        protected abstract IReadOnlyList<string> Read(ISecretsManagerClient client, string secretId);

        /// <summary>What to offer when no secret is typed, or it can't be read.</summary>
        protected virtual IReadOnlyList<string> Fallback => new string[0];

        /// <inheritdoc/>
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            IReadOnlyList<string> values = Fallback;
            try
            {
                string secretId = CompletionConnection.TypedSecretId(fakeBoundParameters);
                if (secretId != null)
                {
                    var options = CompletionConnection.Options(commandName, fakeBoundParameters);
                    values = Cached(options, secretId);
                }
            }
            catch (Exception)
            {
                // No region, no credentials, no such secret or no endpoint: offer the fallback, never an error.
                values = Fallback;
            }
            return ValueCompletion.StartingWith(values, wordToComplete);
        }

        private IReadOnlyList<string> Cached(SecretsManagerClientOptions options, string secretId)
        {
            var hit = Cache.Find(e => e.Kind == GetType() && e.Options.Equals(options) && e.SecretId == secretId);
            if (hit != null) return hit.Values;
            var values = CompletionReader.Read(options, client => Read(client, secretId));
            Cache.Add(new CacheEntry { Kind = GetType(), Options = options, SecretId = secretId, Values = values });
            return values;
        }
    }
}
