using System;
using System.Collections.Generic;
using Amazon.Runtime;

namespace SecretsManager.Engine.Internal.Sdk
{
    /// <summary>
    /// The SDK's "defaults mode" table (standard, in-region, cross-region, mobile): retry mode and connect timeouts.
    /// The values are the ones every AWS SDK documents for these modes.
    /// </summary>
    internal static class SdkDefaultConfigurations
    {
        public static IEnumerable<IDefaultConfiguration> All => new IDefaultConfiguration[]
        {
            Create(DefaultConfigurationMode.Standard, TimeSpan.FromMilliseconds(3100)),
            Create(DefaultConfigurationMode.InRegion, TimeSpan.FromMilliseconds(1100)),
            Create(DefaultConfigurationMode.CrossRegion, TimeSpan.FromMilliseconds(3100)),
            Create(DefaultConfigurationMode.Mobile, TimeSpan.FromMilliseconds(30000)),
        };

        private static IDefaultConfiguration Create(DefaultConfigurationMode mode, TimeSpan connectTimeout) => new DefaultConfiguration
        {
            Name = mode,
            RetryMode = RequestRetryMode.Standard,
            ConnectTimeout = connectTimeout,
            TlsNegotiationTimeout = connectTimeout,
        };
    }
}
