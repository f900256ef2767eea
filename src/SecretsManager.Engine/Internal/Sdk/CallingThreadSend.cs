using System;
using System.Net.Http;
using System.Threading;

namespace SecretsManager.Engine.Internal.Sdk
{
    /// <summary>
    /// Marks the thread of a synchronous engine call, so that <see cref="CallingThreadHandler"/> may send on it, and
    /// holds .NET's synchronous HttpMessageInvoker.Send (.NET 5 and later; null on .NET Framework and netstandard).
    /// </summary>
    internal static class CallingThreadSend
    {
        [ThreadStatic] private static int _depth;

        public static readonly Func<HttpMessageInvoker, HttpRequestMessage, CancellationToken, HttpResponseMessage> Send = FindSend();

        /// <summary>True on a thread that is inside a synchronous engine call.</summary>
        public static bool IsActive => _depth > 0;

        /// <summary>Marks this thread until the result is disposed.</summary>
        public static Scope Enter()
        {
            _depth++;
            return new Scope();
        }

        private static Func<HttpMessageInvoker, HttpRequestMessage, CancellationToken, HttpResponseMessage> FindSend()
        {
            var method = typeof(HttpMessageInvoker).GetMethod("Send", new[] { typeof(HttpRequestMessage), typeof(CancellationToken) });
            return method == null ? null
                : (Func<HttpMessageInvoker, HttpRequestMessage, CancellationToken, HttpResponseMessage>)Delegate.CreateDelegate(
                    typeof(Func<HttpMessageInvoker, HttpRequestMessage, CancellationToken, HttpResponseMessage>), method);
        }

        /// <summary>Ends the mark of <see cref="Enter"/>.</summary>
        public struct Scope : IDisposable
        {
            public void Dispose() => _depth--;
        }
    }
}
