using System.Text;
using SecretsManager.Local.Protocol;

namespace SecretsManager.Local.Domain;

/// <summary>Rules for a secret value: SecretString xor SecretBinary, each at most 65,536 bytes.</summary>
internal static class ValueRules
{
    public const int MaxBytes = 65536;

    /// <summary>Validates the pair; <paramref name="required"/> demands one of them.</summary>
    public static void Validate(string? secretString, byte[]? secretBinary, bool required)
    {
        if (secretString is not null && secretBinary is not null)
            throw ServiceException.InvalidParameter("You can't specify both a binary secret value and a string secret value in the same secret.");
        if (required && secretString is null && secretBinary is null)
            throw ServiceException.InvalidParameter("You must provide either SecretString or SecretBinary.");
        if (secretString is not null && Encoding.UTF8.GetByteCount(secretString) > MaxBytes)
            throw ServiceException.Validation(
                $"1 validation error detected: Value at 'secretString' failed to satisfy constraint: Member must have length less than or equal to {MaxBytes} bytes");
        if (secretBinary is not null && secretBinary.Length > MaxBytes)
            throw ServiceException.Validation(
                $"1 validation error detected: Value at 'secretBinary' failed to satisfy constraint: Member must have length less than or equal to {MaxBytes}");
    }
}
