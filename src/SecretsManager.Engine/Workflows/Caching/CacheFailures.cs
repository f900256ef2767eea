using System;
using System.Collections.Generic;
using SecretsManager.Engine.Errors;

namespace SecretsManager.Engine.Workflows.Caching
{
    /// <summary>
    /// Which failures may be answered with a stale entry (-AllowStale): the endpoint could not be reached, or the
    /// service throttled or failed on its side, after the SDK's own retries. A refusal that is about the secret or
    /// the caller (not found, access denied, marked for deletion) is never hidden behind a cached value.
    /// </summary>
    public static class CacheFailures
    {
        private static readonly HashSet<string> TransientCodes = new HashSet<string>(StringComparer.Ordinal)
        {
            "ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded",
            "InternalServiceError", "InternalFailure", "InternalServerError", "ServiceUnavailable", "ServiceUnavailableException",
        };

        /// <summary>True for a failure a stale entry may stand in for.</summary>
        public static bool IsTransient(Exception failure)
        {
            switch (failure)
            {
                case SecretsManagerConnectionException _:
                    return true;
                case SecretsManagerServiceException service:
                    return !service.RejectsCredentials && (service.StatusCode >= 500 || (service.ErrorCode != null && TransientCodes.Contains(service.ErrorCode)));
                default:
                    return false;
            }
        }
    }
}
