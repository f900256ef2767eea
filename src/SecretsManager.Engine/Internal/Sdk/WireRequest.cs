using System;
using System.Text.Json;
using Amazon.Runtime;

namespace SecretsManager.Engine.Internal.Sdk
{
    /// <summary>
    /// The SDK-side request: the engine's public request classes stay free of AWSSDK types, so the pipeline
    /// carries this envelope with the operation name and a body writer instead.
    /// </summary>
    internal sealed class WireRequest : AmazonWebServiceRequest
    {
        public WireRequest(string operationName, Action<Utf8JsonWriter> writeBody)
        {
            OperationName = operationName;
            WriteBody = writeBody;
        }

        public string OperationName { get; }

        public Action<Utf8JsonWriter> WriteBody { get; }

        /// <summary>Never prints the body: it may hold secret material.</summary>
        public override string ToString() => "secretsmanager." + OperationName;
    }
}
