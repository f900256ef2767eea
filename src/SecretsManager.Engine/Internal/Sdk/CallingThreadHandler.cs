using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SecretsManager.Engine.Internal.Sdk
{
    /// <summary>
    /// Sends a synchronous engine call's request on the calling thread, with .NET's synchronous Send: the SDK's
    /// pipeline is asynchronous, and a cmdlet waiting for it otherwise waits for a thread-pool thread to finish the
    /// answer and wake it, which costs more than the loopback round trip itself. Cancellation (Ctrl+C, -TimeoutSec)
    /// reaches the synchronous Send as it reaches SendAsync. Anything else (an asynchronous caller, a retry after a
    /// delay, content that can't be written synchronously, .NET Framework) goes the asynchronous way.
    /// </summary>
    internal sealed class CallingThreadHandler : DelegatingHandler
    {
        private readonly HttpMessageInvoker _inner;

        public CallingThreadHandler(HttpMessageHandler inner)
            : base(inner)
        {
            _inner = new HttpMessageInvoker(inner, disposeHandler: false);
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (CallingThreadSend.Send == null || !CallingThreadSend.IsActive || !CanWriteSynchronously(request.Content))
            {
                return base.SendAsync(request, cancellationToken);
            }
            try
            {
                return Task.FromResult(CallingThreadSend.Send(_inner, request, cancellationToken));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return Task.FromCanceled<HttpResponseMessage>(cancellationToken);
            }
            catch (Exception e)
            {
                return Task.FromException<HttpResponseMessage>(e);
            }
        }

        // The content types whose synchronous serialization .NET implements; any other could fail half-way through a send.
        private static bool CanWriteSynchronously(HttpContent content) =>
            content == null || content.GetType() == typeof(ByteArrayContent) || content.GetType() == typeof(StreamContent) || content.GetType() == typeof(StringContent);

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
