using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using SecretsManager.Conversion;
using SecretsManager.Engine.Conversion;
using SecretsManager.Engine.Model;
using SecretsManager.Errors;

namespace SecretsManager.Transformation
{
    /// <summary>
    /// Lets -Filter take a hashtable keyed by filter name (<c>@{ 'tag-key' = 'env'; name = 'app/' }</c>), or filter
    /// objects with Key and Values (engine Filter objects, [pscustomobject]s, AWS.Tools' Filter objects).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class FilterTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc/>
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            if (inputData == null) return null;
            var filters = new List<Filter>();
            object value = PSObjectConverter.Unwrap(inputData);
            if (value is IEnumerable items && !(value is string) && !(value is IDictionary))
            {
                foreach (object item in items) filters.AddRange(ToFilters(item));
            }
            else
            {
                filters.AddRange(ToFilters(inputData));
            }
            return filters.ToArray();
        }

        private static IEnumerable<Filter> ToFilters(object item)
        {
            object value = PSObjectConverter.Unwrap(item);
            if (value is Filter filter) return new[] { filter };
            if (value is IDictionary dictionary && !LooksLikeFilterObject(dictionary.Keys.Cast<object>().Select(k => PSObjectConverter.Unwrap(k) as string)))
            {
                try
                {
                    return FilterBuilder.FromDictionary(dictionary);
                }
                catch (ArgumentException e)
                {
                    throw new ArgumentTransformationMetadataException(ExceptionText.Of(e), e);
                }
            }
            object key = PSObjectConverter.GetMember(value, "Key");
            object values = PSObjectConverter.GetMember(value, "Values");
            if (key == null || values == null)
            {
                throw new ArgumentTransformationMetadataException(
                    "-Filter takes a hashtable keyed by filter name, e.g. @{ 'tag-key' = 'env'; name = 'app/' }, or objects with Key and Values.");
            }
            // ToString also reads AWS.Tools' ConstantClass keys (FilterNameStringType).
            string keyText = Convert.ToString(key, CultureInfo.InvariantCulture);
            string canonical = FilterBuilder.AllowedKeys.FirstOrDefault(k => string.Equals(k, keyText, StringComparison.OrdinalIgnoreCase));
            if (canonical == null)
            {
                throw new ArgumentTransformationMetadataException(
                    $"'{keyText}' is not a Secrets Manager filter name. Use one of: {string.Join(", ", FilterBuilder.AllowedKeys)}.");
            }
            var list = new List<string>();
            if (values is string single) list.Add(single);
            else if (values is IEnumerable many) list.AddRange(many.Cast<object>().Select(v => Convert.ToString(PSObjectConverter.Unwrap(v), CultureInfo.InvariantCulture)));
            else list.Add(Convert.ToString(values, CultureInfo.InvariantCulture));
            return new[] { new Filter { Key = canonical, Values = list } };
        }

        private static bool LooksLikeFilterObject(IEnumerable<string> keys)
        {
            var set = new HashSet<string>(keys.Where(k => k != null), StringComparer.OrdinalIgnoreCase);
            return set.Count == 2 && set.Contains("Key") && set.Contains("Values");
        }
    }
}
