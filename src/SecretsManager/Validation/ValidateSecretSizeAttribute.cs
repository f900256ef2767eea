using System;
using System.Management.Automation;
using System.Security;
using System.Text;
using SecretsManager.Conversion;
using SecretsManager.Engine.Model;

namespace SecretsManager.Validation
{
    /// <summary>
    /// Checks that a secret value (SecureString or byte[]) is 1 to 65,536 bytes, as the API requires. The message
    /// gives sizes only, never the value.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateSecretSizeAttribute : ValidateArgumentsAttribute
    {
        /// <inheritdoc/>
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            int size, min, max;
            switch (PSObjectConverter.Unwrap(arguments))
            {
                case null: return;
                case SecureString secure:
                    string plain = SecureStringConverter.ToPlainText(secure);
                    int bad = Utf16Text.FirstInvalid(plain);
                    if (bad >= 0) throw new ValidationMetadataException(Utf16Text.Describe("The secret value", bad));
                    // SecretStringType's length, counted in UTF-8 bytes as AWS's quota (64 KB) does.
                    size = Encoding.UTF8.GetByteCount(plain);
                    min = ModelConstraints.SecretStringTypeMinLength;
                    max = ModelConstraints.SecretStringTypeMaxLength;
                    break;
                case byte[] bytes:
                    size = bytes.Length;
                    min = ModelConstraints.SecretBinaryTypeMinLength;
                    max = ModelConstraints.SecretBinaryTypeMaxLength;
                    break;
                default: return;
            }
            if (size < min) throw new ValidationMetadataException("A secret value can't be empty.");
            if (size > max)
                throw new ValidationMetadataException($"A secret value is at most {max} bytes; this one is {size} bytes.");
        }
    }
}
