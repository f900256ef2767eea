using System.Collections.Generic;
using Amazon.Runtime.Internal;

namespace SecretsManager.Engine.Internal.Sdk
{
    /// <summary>Service identity used by the SDK for metrics, endpoint configuration and retry quotas.</summary>
    internal sealed class SecretsManagerServiceMetadata : IServiceMetadata
    {
        public string ServiceId => SecretsManagerServiceConfig.ServiceIdName;

        public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>();
    }
}
