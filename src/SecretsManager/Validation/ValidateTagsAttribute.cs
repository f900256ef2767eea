using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using SecretsManager.Conversion;
using SecretsManager.Engine.Model;

namespace SecretsManager.Validation
{
    /// <summary>Checks a tag hashtable against the API's rules: at most 50 tags, keys 1–128, values 0–256, no 'aws:' keys.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateTagsAttribute : ValidateArgumentsAttribute
    {
        /// <inheritdoc/>
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            if (!(PSObjectConverter.Unwrap(arguments) is IDictionary tags)) throw new ValidationMetadataException("Tags must be a hashtable of key = value.");
            if (tags.Count > DocumentedRules.TagsMaxCount) throw new ValidationMetadataException($"A secret has at most {DocumentedRules.TagsMaxCount} tags; {tags.Count} were given.");
            foreach (DictionaryEntry entry in tags)
            {
                string key = Convert.ToString(PSObjectConverter.Unwrap(entry.Key), CultureInfo.InvariantCulture);
                string value = Convert.ToString(PSObjectConverter.Unwrap(entry.Value), CultureInfo.InvariantCulture) ?? string.Empty;
                if (key == null || key.Length < ModelConstraints.TagKeyTypeMinLength || key.Length > ModelConstraints.TagKeyTypeMaxLength)
                    throw new ValidationMetadataException($"Tag key '{key}' must be {ModelConstraints.TagKeyTypeMinLength} to {ModelConstraints.TagKeyTypeMaxLength} characters long.");
                if (Utf16Text.FirstInvalid(key) is int badKey && badKey >= 0)
                    throw new ValidationMetadataException(Utf16Text.Describe($"Tag key '{key}'", badKey));
                if (Utf16Text.FirstInvalid(value) is int badValue && badValue >= 0)
                    throw new ValidationMetadataException(Utf16Text.Describe($"The value of tag '{key}'", badValue));
                if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
                    throw new ValidationMetadataException($"Tag key '{key}' uses the reserved prefix 'aws:'.");
                if (value.Length > ModelConstraints.TagValueTypeMaxLength)
                    throw new ValidationMetadataException($"The value of tag '{key}' is longer than {ModelConstraints.TagValueTypeMaxLength} characters.");
            }
        }
    }
}
