using System;
using System.Collections.Generic;
using System.Text.Json;

namespace SecretsManager.Engine.Internal
{
    /// <summary>One prepared call: the operation name, how to write its request body and how to read its response.</summary>
    internal sealed class WireOperation<TResponse>
    {
        public WireOperation(string name, Action<Utf8JsonWriter> writeRequest, Func<JsonElement, TResponse> readResponse, IReadOnlyList<string> sentSecrets = null)
        {
            Name = name;
            WriteRequest = writeRequest;
            ReadResponse = readResponse;
            SentSecrets = sentSecrets ?? Array.Empty<string>();
        }

        /// <summary>The operation name, sent as X-Amz-Target secretsmanager.&lt;Name&gt;.</summary>
        public string Name { get; }

        public Action<Utf8JsonWriter> WriteRequest { get; }

        public Func<JsonElement, TResponse> ReadResponse { get; }

        /// <summary>Secret values this request carries, so an error message that echoes one can be scrubbed.</summary>
        public IReadOnlyList<string> SentSecrets { get; }

        /// <summary>The request object, for checking afterwards whether a change whose answer was lost took effect.</summary>
        public object Request { get; set; }

        /// <summary>The ClientRequestToken every attempt of this call sends, for operations that have one.</summary>
        public string IdempotencyToken { get; set; }
    }
}
