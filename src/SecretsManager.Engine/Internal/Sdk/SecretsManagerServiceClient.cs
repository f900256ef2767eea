using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace SecretsManager.Engine.Internal.Sdk
{
    /// <summary>
    /// The SDK service client: the SDK's pipeline does credentials, SigV4, retries (standard/adaptive), clock-skew
    /// correction and HTTP; this class only plugs in the marshaller, unmarshaller and auth scheme.
    /// </summary>
    internal sealed class SecretsManagerServiceClient : AmazonServiceClient
    {
        private static readonly IServiceMetadata Metadata = new SecretsManagerServiceMetadata();

        public SecretsManagerServiceClient(AWSCredentials credentials, SecretsManagerServiceConfig config)
            : base(credentials, config)
        {
        }

        protected override IServiceMetadata ServiceMetadata => Metadata;

        public T Call<T>(WireOperation<T> operation)
        {
            var response = Invoke<WireResponse<T>>(new WireRequest(operation.Name, operation.WriteRequest), CreateOptions(operation));
            return response.Result;
        }

        public async Task<T> CallAsync<T>(WireOperation<T> operation, CancellationToken cancellationToken)
        {
            var response = await InvokeAsync<WireResponse<T>>(new WireRequest(operation.Name, operation.WriteRequest), CreateOptions(operation), cancellationToken).ConfigureAwait(false);
            return response.Result;
        }

        protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
        {
            pipeline.AddHandlerAfter<Marshaller>(new SigV4AuthSchemeHandler());
            // Inside the retry handler: sees each attempt, so a lost answer before a successful-looking error is known.
            pipeline.AddHandlerAfter<RetryHandler>(new AttemptRecorder());
            foreach (var retry in pipeline.Handlers.OfType<RetryHandler>())
            {
                // Secrets Manager's LimitExceededException is a quota (too many versions, tags, secrets), not throttling:
                // a retry can't change it, so it fails at once, as the AWS CLI does. The set belongs to this policy alone.
                retry.RetryPolicy.ThrottlingErrorCodes.Remove("LimitExceededException");
            }
        }

        private static InvokeOptions CreateOptions<T>(WireOperation<T> operation) => new InvokeOptions
        {
            RequestMarshaller = WireRequestMarshaller.Instance,
            ResponseUnmarshaller = new WireResponseUnmarshaller<T>(operation.ReadResponse),
        };
    }
}
