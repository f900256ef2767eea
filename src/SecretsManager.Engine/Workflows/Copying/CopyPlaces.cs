using System;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;

namespace SecretsManager.Engine.Workflows.Copying
{
    /// <summary>
    /// Refuses a copy whose destination is its source (the same endpoint, region and account): it could only make the
    /// secrets collide with themselves. Told before anything is read when both sides use the same credentials; when
    /// they don't, the account is known only from the ARNs the listings return, so it is told after them, still
    /// before anything is written.
    /// </summary>
    public static class CopyPlaces
    {
        /// <summary>
        /// Throws <see cref="CopyRefusedException"/> when both clients reach the same place with the same credentials
        /// (the identity the read cache partitions by: a hash of the access key id, or the source that supplies them).
        /// </summary>
        public static void EnsureDistinct(ISecretsManagerClient source, ISecretsManagerClient destination)
        {
            if (source == null) throw new ArgumentNullException(nameof(source));
            if (destination == null) throw new ArgumentNullException(nameof(destination));
            var s = source.Resolution;
            var d = destination.Resolution;
            bool same = ReferenceEquals(source, destination)
                || (s != null && d != null && SameEndpointAndRegion(source, destination) && string.Equals(s.CredentialIdentity, d.CredentialIdentity, StringComparison.Ordinal));
            if (same) throw Refused(d ?? s, "with the same credentials");
        }

        /// <summary>True when both clients send to the same endpoint for the same region (so only the account can differ).</summary>
        public static bool SameEndpointAndRegion(ISecretsManagerClient source, ISecretsManagerClient destination)
        {
            var s = source?.Resolution;
            var d = destination?.Resolution;
            if (s == null || d == null) return ReferenceEquals(source, destination);
            return string.Equals(s.Region, d.Region, StringComparison.OrdinalIgnoreCase)
                && string.Equals((s.Endpoint ?? string.Empty).TrimEnd('/'), (d.Endpoint ?? string.Empty).TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Throws when both sides, at the same endpoint and region, turn out to be one account.</summary>
        internal static void EnsureOtherAccount(ISecretsManagerClient source, string sourceAccountId, ISecretsManagerClient destination, string destinationAccountId)
        {
            if (sourceAccountId == null || destinationAccountId == null || sourceAccountId != destinationAccountId) return;
            if (!SameEndpointAndRegion(source, destination)) return;
            throw Refused(destination.Resolution, $"in account {destinationAccountId}");
        }

        private static CopyRefusedException Refused(ClientResolution where, string how) => new CopyRefusedException(
            CopyRefusedException.DestinationIsSource,
            $"The destination is the source: both are {where?.Endpoint} in {where?.Region} {how}. Nothing was read or written. " +
            "Name another region (-DestinationRegion), another account (-DestinationProfileName or -DestinationCredential) or another endpoint (-DestinationEndpointUrl).");
    }
}
