using System;
using System.Linq;
using System.Management.Automation;
using SecretsManager.Conversion;

namespace SecretsManager.Validation
{
    /// <summary>
    /// Like ValidateSet, for a model enum given as its generated '|'-separated constant, so a new enum value in the model
    /// needs no cmdlet edit. Case-insensitive as ValidateSet is; the cmdlet sends <see cref="Canonical"/>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateModelEnumAttribute : ValidateEnumeratedArgumentsAttribute
    {
        private readonly string[] _values;

        /// <param name="values">The enum's values, separated by '|' (ModelConstraints.*Values).</param>
        public ValidateModelEnumAttribute(string values) => _values = Split(values);

        internal static string[] Split(string values) => values.Split('|');

        /// <summary>The model's spelling of <paramref name="value"/> (which validation has already accepted), or null.</summary>
        internal static string Canonical(string values, string value) =>
            value == null ? null : Split(values).FirstOrDefault(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase)) ?? value;

        /// <inheritdoc/>
        protected override void ValidateElement(object element)
        {
            string text = PSObjectConverter.Unwrap(element) as string;
            if (text == null || !_values.Any(v => string.Equals(v, text, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ValidationMetadataException($"'{element}' is not one of the values the API accepts: {string.Join(", ", _values)}.");
            }
        }
    }
}
