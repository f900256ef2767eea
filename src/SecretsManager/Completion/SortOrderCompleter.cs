using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using SecretsManager.Engine;

namespace SecretsManager.Commands
{
    /// <summary>Completes -SortOrder with the model's SortOrderType values.</summary>
    public sealed class SortOrderCompleter : IArgumentCompleter
    {
        /// <inheritdoc/>
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            ValueCompletion.StartingWith(ValidateModelEnumAttribute.Split(ModelConstraints.SortOrderTypeValues), wordToComplete);
    }
}
