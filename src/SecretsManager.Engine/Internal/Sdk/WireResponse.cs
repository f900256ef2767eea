using Amazon.Runtime;

namespace SecretsManager.Engine.Internal.Sdk
{
    /// <summary>The SDK-side response: carries the engine's already-read response object.</summary>
    internal sealed class WireResponse<T> : AmazonWebServiceResponse
    {
        public T Result { get; set; }

        /// <summary>Never prints the result: it may hold secret material.</summary>
        public override string ToString() => "WireResponse<" + typeof(T).Name + ">";
    }
}
