using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using SecretsManager.Conversion;
using SecretsManager.Engine.Model;

namespace SecretsManager.Validation
{
    /// <summary>Checks filters against the API's rules: at most 10 filters of 1–10 values each, values of at most 512 allowed characters.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateFiltersAttribute : ValidateArgumentsAttribute
    {
        private static readonly Regex ValueRule = new Regex(ModelConstraints.FilterValueStringTypePattern, RegexOptions.CultureInvariant);

        /// <inheritdoc/>
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var filters = ((PSObjectConverter.Unwrap(arguments) as IEnumerable) ?? Enumerable.Empty<object>())
                .Cast<object>().Select(PSObjectConverter.Unwrap).OfType<Filter>().ToList();
            if (filters.Count > ModelConstraints.FiltersListTypeMaxLength)
                throw new ValidationMetadataException($"At most {ModelConstraints.FiltersListTypeMaxLength} filters can be sent; {filters.Count} were given.");
            foreach (Filter filter in filters)
            {
                int count = filter.Values?.Count ?? 0;
                if (count < 1 || count > ModelConstraints.FilterValuesStringListMaxLength)
                    throw new ValidationMetadataException($"Filter '{filter.Key}' must have 1 to {ModelConstraints.FilterValuesStringListMaxLength} values; it has {count}.");
                foreach (string value in filter.Values)
                {
                    if (value == null || value.Length > ModelConstraints.FilterValueStringTypeMaxLength || !ValueRule.IsMatch(value))
                        throw new ValidationMetadataException(
                            $"Filter '{filter.Key}' value '{value}' is not allowed: values are up to {ModelConstraints.FilterValueStringTypeMaxLength} characters of letters, digits, spaces and :_@/+=.-! (a leading ! negates).");
                }
            }
        }
    }
}
