using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using SecretsManager.Validation;

namespace SecretsManager.Completion
{
    /// <summary>Completes a parameter with a fixed list of values: a model enum (a generated ModelConstraints.*Values constant) or a documented list.</summary>
    public abstract class ValueListCompleter : IArgumentCompleter
    {
        private readonly string[] _values;

        /// <param name="values">The enum's values, separated by '|'.</param>
        protected ValueListCompleter(string values) => _values = ValidateModelEnumAttribute.Split(values);

        /// <param name="values">The values.</param>
        protected ValueListCompleter(string[] values) => _values = values;

        /// <inheritdoc/>
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) => ValueCompletion.StartingWith(_values, wordToComplete);
    }
}
