using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using SecretsManager.Conversion;
using SecretsManager.Engine.Model;
using SecretsManager.Validation;

namespace SecretsManager.Transformation
{
    /// <summary>
    /// Lets -ExternalSecretRotationMetadata take a hashtable or ordered dictionary (<c>@{ apiVersion = 'v65.0' }</c>),
    /// or objects with Key and Value, and checks each item against the model's lengths before anything is sent.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class RotationMetadataTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc/>
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            if (inputData == null) return null;
            var items = new List<ExternalSecretRotationMetadataItem>();
            object value = PSObjectConverter.Unwrap(inputData);
            if (value is IDictionary dictionary) AddDictionary(items, dictionary);
            else if (value is IEnumerable many && !(value is string))
            {
                foreach (object item in many) AddItem(items, item);
            }
            else AddItem(items, value);

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                Check(item.Key, "key", ModelConstraints.ExternalSecretRotationMetadataItemKeyTypeMinLength, ModelConstraints.ExternalSecretRotationMetadataItemKeyTypeMaxLength, item.Key);
                Check(item.Value, "value", ModelConstraints.ExternalSecretRotationMetadataItemValueTypeMinLength, ModelConstraints.ExternalSecretRotationMetadataItemValueTypeMaxLength, item.Key);
                if (!seen.Add(item.Key)) throw new ArgumentTransformationMetadataException($"The metadata key '{item.Key}' is given more than once.");
            }
            return items.ToArray();
        }

        private static void AddDictionary(List<ExternalSecretRotationMetadataItem> items, IDictionary dictionary)
        {
            // A dictionary of exactly Key and Value is one item (a [pscustomobject]-like hashtable), not two keys.
            object key = Lookup(dictionary, "Key");
            object val = Lookup(dictionary, "Value");
            if (dictionary.Count == 2 && key != null && val != null)
            {
                items.Add(Item(key, val));
                return;
            }
            foreach (DictionaryEntry entry in dictionary) items.Add(Item(entry.Key, entry.Value));
        }

        private static void AddItem(List<ExternalSecretRotationMetadataItem> items, object item)
        {
            object value = PSObjectConverter.Unwrap(item);
            if (value is ExternalSecretRotationMetadataItem ready) { items.Add(ready); return; }
            if (value is IDictionary dictionary) { AddDictionary(items, dictionary); return; }
            object key = PSObjectConverter.GetMember(value, "Key");
            object val = PSObjectConverter.GetMember(value, "Value");
            if (key == null || val == null)
            {
                throw new ArgumentTransformationMetadataException(
                    "-ExternalSecretRotationMetadata takes a hashtable such as @{ apiVersion = 'v65.0' }, or objects with Key and Value.");
            }
            items.Add(Item(key, val));
        }

        private static object Lookup(IDictionary dictionary, string name)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                if (string.Equals(PSObjectConverter.Unwrap(entry.Key) as string, name, StringComparison.OrdinalIgnoreCase)) return entry.Value;
            }
            return null;
        }

        private static ExternalSecretRotationMetadataItem Item(object key, object value) => new ExternalSecretRotationMetadataItem
        {
            Key = Convert.ToString(PSObjectConverter.Unwrap(key), CultureInfo.InvariantCulture),
            Value = Convert.ToString(PSObjectConverter.Unwrap(value), CultureInfo.InvariantCulture),
        };

        private static void Check(string text, string what, int min, int max, string key)
        {
            int bad = Utf16Text.FirstInvalid(text);
            if (bad >= 0) throw new ArgumentTransformationMetadataException(Utf16Text.Describe($"The metadata {what} of '{key}'", bad));
            int length = text?.Length ?? 0;
            if (length < min || length > max)
            {
                throw new ArgumentTransformationMetadataException(
                    $"The metadata {what} of '{key}' is {length} characters; a {what} is {min} to {max} characters.");
            }
        }
    }
}
