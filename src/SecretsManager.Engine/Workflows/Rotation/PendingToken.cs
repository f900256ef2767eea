using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SecretsManager.Engine.Workflows.Rotation
{
    /// <summary>
    /// The ClientRequestToken of a new pending version, derived from the AWSCURRENT version it replaces and an attempt
    /// number. Two runs that start from the same AWSCURRENT derive the same token, so PutSecretValue lets only one of
    /// them create the version (the other's different value is refused with ResourceExistsException): an exclusive
    /// create, where PutSecretValue's VersionStages alone would move AWSPENDING from one run's version to the other's.
    /// A rotation that was rolled back leaves its version unlabelled; the next run moves on to the next attempt.
    /// </summary>
    public static class PendingToken
    {
        /// <summary>The token of attempt <paramref name="attempt"/> (0, 1, ...) after <paramref name="currentVersionId"/>, a GUID in its 36-character form.</summary>
        public static string For(string currentVersionId, int attempt)
        {
            if (currentVersionId == null) throw new ArgumentNullException(nameof(currentVersionId));
            if (attempt < 0) throw new ArgumentOutOfRangeException(nameof(attempt));
            byte[] digest;
            using (var sha = SHA256.Create())
            {
                digest = sha.ComputeHash(Encoding.UTF8.GetBytes("SmRotation\n" + currentVersionId + "\n" + attempt.ToString(CultureInfo.InvariantCulture)));
            }
            var bytes = new byte[16];
            Array.Copy(digest, bytes, 16);
            return new Guid(bytes).ToString("D");
        }
    }
}
