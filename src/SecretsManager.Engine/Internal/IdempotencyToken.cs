using System;

namespace SecretsManager.Engine.Internal
{
    /// <summary>Creates ClientRequestToken values (a UUID, 32-64 characters as the service requires).</summary>
    internal static class IdempotencyToken
    {
        public static string New() => Guid.NewGuid().ToString("D");
    }
}
