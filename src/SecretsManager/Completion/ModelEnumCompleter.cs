using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace SecretsManager.Commands
{
    /// <summary>Completes a parameter with the values of a model enum (a generated ModelConstraints.*Values constant).</summary>
    public abstract class ModelEnumCompleter : IArgumentCompleter
    {
        private readonly string[] _values;

        /// <param name="values">The enum's values, separated by '|'.</param>
        protected ModelEnumCompleter(string values) => _values = ValidateModelEnumAttribute.Split(values);

        /// <inheritdoc/>
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) => ValueCompletion.StartingWith(_values, wordToComplete);
    }
}
