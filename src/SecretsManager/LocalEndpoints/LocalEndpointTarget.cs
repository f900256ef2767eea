using System;
using System.Linq;
using System.Management.Automation;
using SecretsManager.Errors;

namespace SecretsManager.LocalEndpoints
{
    /// <summary>Which endpoint a Reset/Move call is for, and its errors: shared by those two cmdlets.</summary>
    internal static class LocalEndpointTarget
    {
        /// <summary>The given endpoint, or the one running endpoint this session started.</summary>
        public static LocalEndpoint Resolve(PSCmdlet cmdlet, LocalEndpoint given)
        {
            if (given != null) return given;
            var running = LocalEndpointRegistry.OfThisSession.Where(e => !e.HasExited).ToList();
            if (running.Count == 1) return running[0];
            cmdlet.ThrowTerminatingError(ErrorRecordFactory.Local(
                new InvalidRequestException("LocalEndpointNotGiven", running.Count == 0
                    ? "No SecretsManager.Local started by this session is running: start one with Start-SmLocalEndpoint, or pass -Endpoint."
                    : $"{running.Count} SecretsManager.Local endpoints are running: pass -Endpoint to say which."),
                ErrorCategory.InvalidArgument, null));
            return null;
        }

        public static void Invoke(PSCmdlet cmdlet, LocalEndpoint endpoint, Action action)
        {
            try
            {
                action();
            }
            catch (Exception e) when (e is InvalidOperationException || e is System.Net.Http.HttpRequestException)
            {
                cmdlet.WriteError(ErrorRecordFactory.Local(new ConnectionException("LocalEndpointHookFailed", e.Message, innerException: e), ErrorCategory.ConnectionError, endpoint.Url));
            }
            catch (System.Threading.Tasks.TaskCanceledException e)
            {
                // HttpClient's own timeout: the endpoint took the request and never answered.
                cmdlet.WriteError(ErrorRecordFactory.Local(new ConnectionException("LocalEndpointHookFailed", $"SecretsManager.Local at {endpoint.Url} did not answer in time: {e.Message}", innerException: e), ErrorCategory.OperationTimeout, endpoint.Url));
            }
        }
    }
}
