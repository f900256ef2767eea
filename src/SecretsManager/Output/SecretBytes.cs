using System;

namespace SecretsManager
{
    /// <summary>
    /// A binary secret value. The bytes are not a public property, so Format-List *, Select-Object *,
    /// ConvertTo-Json and Export-Clixml show only the length (as they do for a SecureString); ToArray() or a cast to
    /// [byte[]] gives them to a caller who asks on purpose.
    /// </summary>
    public sealed class SecretBytes
    {
        private readonly byte[] _bytes;

        internal SecretBytes(byte[] bytes)
        {
            _bytes = bytes ?? throw new ArgumentNullException(nameof(bytes));
        }

        /// <summary>The number of bytes.</summary>
        public int Length => _bytes.Length;

        /// <summary>A copy of the bytes.</summary>
        public byte[] ToArray() => (byte[])_bytes.Clone();

        /// <summary>The bytes, so <c>[byte[]]$value.SecretBinary</c> and <c>-SecretBinary $value.SecretBinary</c> work.</summary>
        public static explicit operator byte[](SecretBytes value) => value?.ToArray();

        /// <summary>The length, never the bytes.</summary>
        public override string ToString() => $"({Length} bytes)";

        internal static SecretBytes From(byte[] bytes) => bytes == null ? null : new SecretBytes(bytes);
    }
}
