using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using SecretsManager.Engine.Lookups;

namespace SecretsManager.Completion
{
    /// <summary>Completes -ProfileName with the profiles of the shared config and credentials files.</summary>
    public sealed class ProfileNameCompleter : IArgumentCompleter
    {
        /// <inheritdoc/>
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            IReadOnlyList<string> names;
            try
            {
                names = ProfileCatalog.Names();
            }
            catch (Exception)
            {
                // An unreadable config file means nothing to offer, not an error in the prompt.
                names = new string[0];
            }
            return ValueCompletion.StartingWith(names, wordToComplete);
        }
    }
}
