using System;
using System.Management.Automation;
using SecretsManager.Conversion;

namespace SecretsManager.Validation
{
    /// <summary>Refuses a string with an unpaired surrogate, naming the position (see <see cref="Utf16Text"/>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateUtf16Attribute : ValidateEnumeratedArgumentsAttribute
    {
        /// <inheritdoc/>
        protected override void ValidateElement(object element)
        {
            if (PSObjectConverter.Unwrap(element) is string text && Utf16Text.FirstInvalid(text) is int index && index >= 0)
            {
                throw new ValidationMetadataException(Utf16Text.Describe("The value", index));
            }
        }
    }
}
