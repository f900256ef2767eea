using System;
using System.Globalization;

namespace SecretsManager.Errors
{
    /// <summary>The warning written when -AllowStale serves a cached value because Secrets Manager couldn't answer.</summary>
    internal static class StaleWarning
    {
        public static string For(string secretId, TimeSpan age, Exception because) =>
            $"Secret '{secretId}': Secrets Manager didn't answer ({because?.Message}); serving the cached value read {Age(age)} ago (-AllowStale).";

        private static string Age(TimeSpan age) =>
            age.TotalSeconds < 120 ? age.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s"
            : age.TotalMinutes < 120 ? age.TotalMinutes.ToString("0", CultureInfo.InvariantCulture) + " min"
            : age.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + " h";
    }
}
