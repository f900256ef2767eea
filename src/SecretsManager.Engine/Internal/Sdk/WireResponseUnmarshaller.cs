using System;
using System.IO;
using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace SecretsManager.Engine.Internal.Sdk
{
    /// <summary>
    /// Reads a response body with the engine's generated readers, and error bodies into an AmazonServiceException
    /// whose ErrorCode the SDK's retry policy understands (e.g. ThrottlingException is retried).
    /// </summary>
    internal sealed class WireResponseUnmarshaller<T> : JsonResponseUnmarshaller
    {
        private readonly Func<JsonElement, T> _read;

        public WireResponseUnmarshaller(Func<JsonElement, T> read)
        {
            _read = read;
        }

        public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
        {
            byte[] body = ReadAll(context.Stream);
            if (body.Length == 0)
            {
                // Operations without output (TagResource, UntagResource) may answer with an empty body.
                body = new[] { (byte)'{', (byte)'}' };
            }
            using (JsonDocument document = JsonDocument.Parse(body))
            {
                return new WireResponse<T> { Result = _read(document.RootElement) };
            }
        }

        public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode)
        {
            var reader = new StreamingUtf8JsonReader(context.Stream);
            var error = JsonErrorResponseUnmarshaller.GetInstance().Unmarshall(context, ref reader);
            string code = ServiceErrorCode.Normalize(error.Code);
            string requestId = error.RequestId ?? context.ResponseData?.GetHeaderValue("x-amzn-RequestId");
            return new AmazonServiceException(error.Message, innerException, error.Type, code, requestId, statusCode);
        }

        /// <summary>
        /// Secret values travel in response bodies, so the SDK must never keep a copy of a body for logging.
        /// </summary>
        protected override bool ShouldReadEntireResponse(Amazon.Runtime.Internal.Transform.IWebResponseData response, bool readEntireResponse) => false;

        private static byte[] ReadAll(Stream stream)
        {
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                return copy.ToArray();
            }
        }
    }
}
