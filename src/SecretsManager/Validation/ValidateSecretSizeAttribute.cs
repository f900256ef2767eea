using System;
using System.Management.Automation;
using System.Security;
using System.Text;

namespace SecretsManager.Commands
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
            int size;
            switch (PSObjectConverter.Unwrap(arguments))
            {
                case null: return;
                case SecureString secure: size = Encoding.UTF8.GetByteCount(SecureStringConverter.ToPlainText(secure)); break;
                case byte[] bytes: size = bytes.Length; break;
                default: return;
            }
            if (size < 1) throw new ValidationMetadataException("A secret value can't be empty.");
            if (size > ModelConstraints.SecretMaxBytes)
                throw new ValidationMetadataException($"A secret value is at most {ModelConstraints.SecretMaxBytes} bytes; this one is {size} bytes.");
        }
    }
}
