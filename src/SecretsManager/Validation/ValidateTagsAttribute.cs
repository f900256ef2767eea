using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;

namespace SecretsManager.Commands
{
    /// <summary>Checks a tag hashtable against the API's rules: at most 50 tags, keys 1–128, values 0–256, no 'aws:' keys.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateTagsAttribute : ValidateArgumentsAttribute
    {
        /// <inheritdoc/>
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            if (!(PSObjectConverter.Unwrap(arguments) is IDictionary tags)) throw new ValidationMetadataException("Tags must be a hashtable of key = value.");
            if (tags.Count > ModelConstraints.TagsMaxCount) throw new ValidationMetadataException($"A secret has at most {ModelConstraints.TagsMaxCount} tags; {tags.Count} were given.");
            foreach (DictionaryEntry entry in tags)
            {
                string key = Convert.ToString(PSObjectConverter.Unwrap(entry.Key), CultureInfo.InvariantCulture);
                string value = Convert.ToString(PSObjectConverter.Unwrap(entry.Value), CultureInfo.InvariantCulture) ?? string.Empty;
                if (string.IsNullOrEmpty(key) || key.Length > ModelConstraints.TagKeyMaxLength)
                    throw new ValidationMetadataException($"Tag key '{key}' must be 1 to {ModelConstraints.TagKeyMaxLength} characters long.");
                if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
                    throw new ValidationMetadataException($"Tag key '{key}' uses the reserved prefix 'aws:'.");
                if (value.Length > ModelConstraints.TagValueMaxLength)
                    throw new ValidationMetadataException($"The value of tag '{key}' is longer than {ModelConstraints.TagValueMaxLength} characters.");
            }
        }
    }
}
