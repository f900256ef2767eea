using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace SecretsManager.Engine.Internal.Sdk
{
    /// <summary>
    /// Sits just inside the SDK's retry handler, so it sees every attempt: counts them and notes, in the current
    /// <see cref="CallRecord"/>, an attempt whose failure leaves open whether the service applied it.
    /// </summary>
    internal sealed class AttemptRecorder : PipelineHandler
    {
        public override void InvokeSync(IExecutionContext executionContext)
        {
            CallRecord record = CallRecord.Current;
            if (record != null) { record.Attempts++; }
            try
            {
                base.InvokeSync(executionContext);
            }
            catch (Exception e)
            {
                Note(record, e);
                throw;
            }
        }

        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            CallRecord record = CallRecord.Current;
            if (record != null) { record.Attempts++; }
            try
            {
                return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                Note(record, e);
                throw;
            }
        }

        private static void Note(CallRecord record, Exception e)
        {
            if (record != null && MayHaveBeenApplied(e)) { record.MayHaveReachedService = true; }
        }

        /// <summary>
        /// False only when the request certainly did not change anything: a 4xx answer (the service refused it, as it
        /// does when throttling), or a connection that was never made. A 5xx, a broken-off or dropped answer or a
        /// timeout may follow a write.
        /// </summary>
        internal static bool MayHaveBeenApplied(Exception e)
        {
            // A 4xx is a refusal. A 5xx may follow a write; a 2xx the SDK could not read (the answer broke off) is one.
            if (e is AmazonServiceException service && service.StatusCode != 0) { return (int)service.StatusCode >= 500 || (int)service.StatusCode < 400; }
            for (Exception current = e; current != null; current = current.InnerException)
            {
                if (current is SocketException socket && NeverConnected(socket.SocketErrorCode)) { return false; }
                if (current is WebException web && web.Status == WebExceptionStatus.NameResolutionFailure) { return false; }
            }
            return true;
        }

        private static bool NeverConnected(SocketError error) =>
            error == SocketError.ConnectionRefused || error == SocketError.HostNotFound || error == SocketError.HostUnreachable ||
            error == SocketError.NetworkUnreachable || error == SocketError.AddressNotAvailable || error == SocketError.TryAgain ||
            error == SocketError.NoData;
    }
}
