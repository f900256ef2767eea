using System;

namespace SecretsManager.Conversion
{
    /// <summary>The engine reports UTC; PowerShell users compare with Get-Date, which is local time.</summary>
    internal static class LocalTime
    {
        public static DateTime? From(DateTime? utc)
        {
            if (!utc.HasValue) return null;
            var value = utc.Value;
            if (value.Kind == DateTimeKind.Unspecified) value = DateTime.SpecifyKind(value, DateTimeKind.Utc);
            return value.ToLocalTime();
        }
    }
}
