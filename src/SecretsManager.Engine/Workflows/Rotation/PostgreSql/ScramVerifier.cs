using System;
using System.Security.Cryptography;
using System.Text;

namespace SecretsManager.Engine.Workflows.Rotation.PostgreSql
{
    /// <summary>
    /// The SCRAM-SHA-256 verifier PostgreSQL (10 and later) stores for a password, computed here as psql's own
    /// \password does: ALTER ROLE then carries the verifier, so the password itself never reaches the server, its
    /// statement log or pg_stat_activity.
    /// </summary>
    public static class ScramVerifier
    {
        /// <summary>PostgreSQL's default iteration count.</summary>
        public const int Iterations = 4096;

        /// <summary>
        /// True when <paramref name="password"/> can be hashed here: printable ASCII only, which SASLprep leaves as
        /// it is. Other passwords go to the server as text, which normalises them itself.
        /// </summary>
        public static bool CanHash(string password)
        {
            if (string.IsNullOrEmpty(password)) return false;
            foreach (char c in password)
            {
                if (c < 0x20 || c > 0x7e) return false;
            }
            return true;
        }

        /// <summary>The verifier for <paramref name="password"/> with a fresh random salt.</summary>
        public static string Create(string password)
        {
            var salt = new byte[16];
            using (var random = RandomNumberGenerator.Create()) random.GetBytes(salt);
            return Create(password, salt, Iterations);
        }

        /// <summary>The verifier for <paramref name="password"/>, <paramref name="salt"/> and <paramref name="iterations"/>.</summary>
        public static string Create(string password, byte[] salt, int iterations)
        {
            if (!CanHash(password)) throw new ArgumentException("Only printable ASCII passwords are hashed here.", nameof(password));
            if (salt == null || salt.Length == 0) throw new ArgumentException("A salt is required.", nameof(salt));
            if (iterations < 1) throw new ArgumentOutOfRangeException(nameof(iterations));
            byte[] salted = Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations);
            byte[] clientKey = Hmac(salted, "Client Key");
            byte[] storedKey;
            using (var sha = SHA256.Create()) storedKey = sha.ComputeHash(clientKey);
            byte[] serverKey = Hmac(salted, "Server Key");
            return $"SCRAM-SHA-256${iterations}:{Convert.ToBase64String(salt)}${Convert.ToBase64String(storedKey)}:{Convert.ToBase64String(serverKey)}";
        }

        // PBKDF2-HMAC-SHA-256 for one 32-byte block: all SCRAM-SHA-256 needs (netstandard2.0 has no SHA-256 PBKDF2).
        private static byte[] Pbkdf2(byte[] password, byte[] salt, int iterations)
        {
            using (var hmac = new HMACSHA256(password))
            {
                var first = new byte[salt.Length + 4];
                Buffer.BlockCopy(salt, 0, first, 0, salt.Length);
                first[first.Length - 1] = 1;
                byte[] u = hmac.ComputeHash(first);
                var result = (byte[])u.Clone();
                for (int i = 1; i < iterations; i++)
                {
                    u = hmac.ComputeHash(u);
                    for (int j = 0; j < result.Length; j++) result[j] ^= u[j];
                }
                return result;
            }
        }

        private static byte[] Hmac(byte[] key, string text)
        {
            using (var hmac = new HMACSHA256(key)) return hmac.ComputeHash(Encoding.UTF8.GetBytes(text));
        }
    }
}
