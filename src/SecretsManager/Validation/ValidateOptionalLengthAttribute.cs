using System;
using System.Management.Automation;
using SecretsManager.Conversion;

namespace SecretsManager.Validation
{
    /// <summary>
    /// Like ValidateLength, but lets null through: for parameters bound by property name from objects whose
    /// property may be empty (e.g. the VersionId of a tagging result), where null simply means "not given".
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateOptionalLengthAttribute : ValidateArgumentsAttribute
    {
        /// <summary>Creates the rule.</summary>
        public ValidateOptionalLengthAttribute(int minLength, int maxLength)
        {
            MinLength = minLength;
            MaxLength = maxLength;
        }

        /// <summary>The shortest allowed value.</summary>
        public int MinLength { get; }

        /// <summary>The longest allowed value.</summary>
        public int MaxLength { get; }

        /// <inheritdoc/>
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            if (!(PSObjectConverter.Unwrap(arguments) is string text)) return;
            if (text.Length < MinLength || text.Length > MaxLength)
                throw new ValidationMetadataException($"The value must be {MinLength} to {MaxLength} characters long; it is {text.Length}.");
        }
    }
}
