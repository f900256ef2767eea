using System.Collections;
using SecretsManager.Engine.Conversion;

namespace SecretsManager.Engine.Workflows.Rotation
{
    /// <summary>
    /// The new value when a provider has no -New of its own: a JSON secret keeps every key and gets a new
    /// <c>password</c> (its place and the other keys' exact text kept); a plain-text secret becomes the new password.
    /// </summary>
    public static class DefaultPendingValue
    {
        /// <summary>The pending value for <paramref name="context"/>'s current value.</summary>
        public static string Create(RotationContext context, long passwordLength, string excludeCharacters)
        {
            string password = context.RandomPassword(passwordLength, excludeCharacters);
            if (!RotationValues.IsJsonObject(context.Current)) return password;
            return SecretJsonKeys.Merge(context.Current, new Hashtable { [RotationDefaults.PasswordKey] = password });
        }

        /// <summary>Throws when the default can't make a value for <paramref name="context"/>'s current value.</summary>
        public static void Validate(RotationContext context)
        {
            if (!RotationValues.IsJsonObject(context.Current)) return;
            if (RotationValues.MissingKeys(context.Current, new[] { RotationDefaults.PasswordKey }).Count == 0) return;
            throw new RotationException(RotationErrorCodes.SecretInvalid,
                $"Secret '{context.SecretId}' is a JSON secret without a '{RotationDefaults.PasswordKey}' key, so the default new value has nothing to replace. Add the key, or give the provider a -New script block that returns the new value.",
                context.SecretId);
        }
    }
}
