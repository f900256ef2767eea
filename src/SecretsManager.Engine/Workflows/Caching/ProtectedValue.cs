using System;
using System.Security.Cryptography;
using System.Text;

namespace SecretsManager.Engine.Workflows.Caching
{
    /// <summary>
    /// A secret value as the cache holds it: encrypted with AES-256 in counter mode (a random 16-byte initial counter
    /// per value) under a key made at random for this process, so no cached value lingers in memory as a plain string
    /// or array (which the GC moves and never wipes) or shows by accident. The plain text exists only while a cached
    /// read is handed out. The key lives in the same heap: this is no defence against a dump of the process.
    /// </summary>
    /// <remarks>
    /// Counter mode needs only the block cipher in ECB over the counter blocks, whose transform can be reused: one per
    /// thread, so a cached read costs about a microsecond instead of setting up a cipher every time.
    /// </remarks>
    internal sealed class ProtectedValue
    {
        private const int BlockSize = 16;

        // One key per process: the cache lives and dies with it.
        private static readonly byte[] Key = RandomBytes(32);
        private static readonly RandomNumberGenerator Random = RandomNumberGenerator.Create();

        [ThreadStatic]
        private static ICryptoTransform _blockCipher;

        // Each is the initial counter block followed by the ciphertext.
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

        private static byte[] Encrypt(byte[] plain)
        {
            var stored = new byte[BlockSize + plain.Length];
            var counter = new byte[BlockSize];
            lock (Random) Random.GetBytes(counter);
            Buffer.BlockCopy(counter, 0, stored, 0, BlockSize);
            Xor(plain, 0, plain.Length, counter, stored, BlockSize);
            return stored;
        }

        private static byte[] Decrypt(byte[] stored)
        {
            var counter = new byte[BlockSize];
            Buffer.BlockCopy(stored, 0, counter, 0, BlockSize);
            var plain = new byte[stored.Length - BlockSize];
            Xor(stored, BlockSize, plain.Length, counter, plain, 0);
            return plain;
        }

        // output = input XOR AES(counter), AES(counter + 1), ...: encryption and decryption alike.
        private static void Xor(byte[] input, int inputOffset, int count, byte[] counter, byte[] output, int outputOffset)
        {
            int blocks = (count + BlockSize - 1) / BlockSize;
            if (blocks == 0) return;
            var counters = new byte[blocks * BlockSize];
            for (int b = 0; b < blocks; b++)
            {
                Buffer.BlockCopy(counter, 0, counters, b * BlockSize, BlockSize);
                AddToLow64(counters, b * BlockSize, (ulong)b);
            }
            var keystream = new byte[counters.Length];
            BlockCipher.TransformBlock(counters, 0, counters.Length, keystream, 0);
            for (int i = 0; i < count; i++) output[outputOffset + i] = (byte)(input[inputOffset + i] ^ keystream[i]);
            Array.Clear(keystream, 0, keystream.Length);
        }

        // Adds to the block's last eight bytes, big-endian, wrapping within them.
        private static void AddToLow64(byte[] block, int offset, ulong value)
        {
            for (int i = offset + BlockSize - 1; i >= offset + BlockSize - 8 && value != 0; i--)
            {
                ulong sum = block[i] + (value & 0xFF);
                block[i] = (byte)sum;
                value = (value >> 8) + (sum >> 8);
            }
        }

        private static ICryptoTransform BlockCipher
        {
            get
            {
                if (_blockCipher == null)
                {
                    using (var aes = Aes.Create())
                    {
                        aes.Mode = CipherMode.ECB;
                        aes.Padding = PaddingMode.None;
                        _blockCipher = aes.CreateEncryptor(Key, null);
                    }
                }
                return _blockCipher;
            }
        }

        private static byte[] RandomBytes(int count)
        {
            var bytes = new byte[count];
            using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
            return bytes;
        }
    }
}
