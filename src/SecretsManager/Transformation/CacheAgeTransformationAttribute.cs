using System;
using System.Globalization;
using System.Management.Automation;
using SecretsManager.Conversion;

namespace SecretsManager.Transformation
{
    /// <summary>
    /// For -MaxAge: a number is seconds (-MaxAge 300), as the vault's CacheSeconds is. PowerShell alone would make 300
    /// a TimeSpan of 300 ticks (30 microseconds) and the string '300' one of 300 days.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class CacheAgeTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc/>
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            switch (PSObjectConverter.Unwrap(inputData))
            {
                case int i: return TimeSpan.FromSeconds(i);
                case long l: return TimeSpan.FromSeconds(l);
                case double d: return TimeSpan.FromSeconds(d);
                case decimal m: return TimeSpan.FromSeconds((double)m);
                case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds): return TimeSpan.FromSeconds(seconds);
                default: return inputData;
            }
        }
    }
}
