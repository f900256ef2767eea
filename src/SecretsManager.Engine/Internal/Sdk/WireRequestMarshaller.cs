using System.IO;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace SecretsManager.Engine.Internal.Sdk
{
    /// <summary>Turns a <see cref="WireRequest"/> into the awsJson1_1 HTTP request: POST / with X-Amz-Target.</summary>
    internal sealed class WireRequestMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
    {
        public static readonly WireRequestMarshaller Instance = new WireRequestMarshaller();

        public IRequest Marshall(AmazonWebServiceRequest input)
        {
            var wire = (WireRequest)input;
            IRequest request = new DefaultRequest(input, "Amazon.SecretsManager");
            request.Headers["X-Amz-Target"] = "secretsmanager." + wire.OperationName;
            request.Headers["Content-Type"] = "application/x-amz-json-1.1";
            request.Headers["X-Amz-Api-Version"] = SecretsManagerServiceConfig.ApiVersion;
            request.HttpMethod = "POST";
            request.ResourcePath = "/";
            using (var body = new MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(body))
                {
                    var context = new JsonMarshallerContext(request, writer);
                    wire.WriteBody(context.Writer);
                }
                request.Content = body.ToArray();
            }
            return request;
        }
    }
}
