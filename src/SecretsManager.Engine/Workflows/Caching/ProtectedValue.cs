using System;
using System.Security.Cryptography;
using System.Text;

namespace SecretsManager.Engine.Workflows.Caching
{
    /// <summary>
    /// A secret value as the cache holds it: encrypted (AES-256, a random IV per value) with a key made at random for
    /// this process, so no cached value lies in memory as a plain string or array, and a memory dump or a heap walk
    /// finds only ciphertext. The plain text exists only while a cached read is handed out.
    /// </summary>
    internal sealed class ProtectedValue
    {
        // One key per process: the cache lives and dies with it.
        private static readonly byte[] Key = RandomBytes(32);

        // Each is a random IV followed by the ciphertext.
        private readonly byte[] _stringCipher;
        private readonly byte[] _binaryCipher;

        private ProtectedValue(byte[] stringCipher, byte[] binaryCipher)
        {
            _stringCipher = stringCipher;
            _binaryCipher = binaryCipher;
        }

        /// <summary>True when the value has a SecretString.</summary>
        public bool HasString => _stringCipher != null;

        /// <summary>True when the value has a SecretBinary.</summary>
        public bool HasBinary => _binaryCipher != null;

        /// <summary>Protects a value: its SecretString, its SecretBinary, or both (either may be null).</summary>
        public static ProtectedValue Of(string secretString, byte[] secretBinary)
        {
            byte[] stringCipher = null;
            if (secretString != null)
            {
                byte[] plain = Encoding.UTF8.GetBytes(secretString);
                try { stringCipher = Encrypt(plain); }
                finally { Array.Clear(plain, 0, plain.Length); }
            }
            return new ProtectedValue(stringCipher, secretBinary == null ? null : Encrypt(secretBinary));
        }

        /// <summary>The SecretString, decrypted for one caller; null when there is none.</summary>
        public string RevealString()
        {
            if (_stringCipher == null) return null;
            byte[] plain = Decrypt(_stringCipher);
            try { return Encoding.UTF8.GetString(plain); }
            finally { Array.Clear(plain, 0, plain.Length); }
        }

        /// <summary>The SecretBinary, decrypted into a new array the caller owns; null when there is none.</summary>
        public byte[] RevealBinary() => _binaryCipher == null ? null : Decrypt(_binaryCipher);

        /// <summary>Says what the value holds, never the value.</summary>
        public override string ToString() => $"ProtectedValue {{ SecretString = {(HasString ? "(protected)" : "none")}, SecretBinary = {(HasBinary ? "(protected)" : "none")} }}";

        private const int IvLength = 16;

        private static byte[] Encrypt(byte[] plain)
        {
            byte[] iv = RandomBytes(IvLength);
            using (var aes = NewAes())
            using (var encryptor = aes.CreateEncryptor(Key, iv))
            {
                byte[] cipher = encryptor.TransformFinalBlock(plain, 0, plain.Length);
                var result = new byte[IvLength + cipher.Length];
                Buffer.BlockCopy(iv, 0, result, 0, IvLength);
                Buffer.BlockCopy(cipher, 0, result, IvLength, cipher.Length);
                return result;
            }
        }

        private static byte[] Decrypt(byte[] stored)
        {
            var iv = new byte[IvLength];
            Buffer.BlockCopy(stored, 0, iv, 0, IvLength);
            using (var aes = NewAes())
            using (var decryptor = aes.CreateDecryptor(Key, iv))
            {
                return decryptor.TransformFinalBlock(stored, IvLength, stored.Length - IvLength);
            }
        }

        private static Aes NewAes()
        {
            var aes = Aes.Create();
            aes.Mode = CipherMode.CBC;
            aes.Padding = PaddingMode.PKCS7;
            return aes;
        }

        private static byte[] RandomBytes(int count)
        {
            var bytes = new byte[count];
            using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
            return bytes;
        }
    }
}
