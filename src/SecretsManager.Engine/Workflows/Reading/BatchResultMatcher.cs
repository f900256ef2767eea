using System;
using System.Collections.Generic;
using System.Linq;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Workflows.Reading
{
    /// <summary>
    /// Puts the values and errors of BatchGetSecretValue back in the order the ids were asked for. The service
    /// answers values first and errors apart, so without this a pipeline's output (and where -ErrorAction Stop
    /// stops) would not follow its input.
    /// </summary>
    public static class BatchResultMatcher
    {
        /// <summary>The error code given to a requested id for which the service returned neither a value nor an error.</summary>
        public const string MissingResultErrorCode = "MissingBatchResult";

        /// <summary>
        /// One result per requested id, in request order; an id asked for twice gets its result twice. A value
        /// matches an id that is its name, its ARN, or its ARN without the six-character suffix (a partial ARN).
        /// Values or errors that match no id follow at the end, so nothing the service returned is dropped.
        /// </summary>
        public static IEnumerable<BatchReadResult> InRequestOrder(IEnumerable<string> requestedIds, IEnumerable<BatchGetSecretValueResponse> pages)
        {
            if (requestedIds == null) { throw new ArgumentNullException(nameof(requestedIds)); }
            if (pages == null) { throw new ArgumentNullException(nameof(pages)); }
            var values = new List<SecretValueEntry>();
            var errors = new List<APIErrorType>();
            foreach (var page in pages.Where(p => p != null))
            {
                if (page.SecretValues != null) { values.AddRange(page.SecretValues.Where(v => v != null)); }
                if (page.Errors != null) { errors.AddRange(page.Errors.Where(e => e != null)); }
            }

            var used = new HashSet<object>();
            var results = new List<BatchReadResult>();
            foreach (string id in requestedIds)
            {
                var value = values.FirstOrDefault(v => Matches(id, v));
                var error = value == null ? errors.FirstOrDefault(e => string.Equals(e.SecretId, id, StringComparison.Ordinal)) : null;
                if (value != null) { used.Add(value); }
                if (error != null) { used.Add(error); }
                if (value == null && error == null)
                {
                    error = new APIErrorType
                    {
                        SecretId = id,
                        ErrorCode = MissingResultErrorCode,
                        Message = "BatchGetSecretValue returned neither a value nor an error for this secret.",
                    };
                }
                results.Add(new BatchReadResult(id, value, error));
            }
            results.AddRange(values.Where(v => !used.Contains(v)).Select(v => new BatchReadResult(v.ARN ?? v.Name, v, null)));
            results.AddRange(errors.Where(e => !used.Contains(e)).Select(e => new BatchReadResult(e.SecretId, null, e)));
            return results;
        }

        private static bool Matches(string id, SecretValueEntry value)
        {
            // Its name, its ARN, or its ARN without the "-xxxxxx" suffix (a partial ARN).
            return !string.IsNullOrEmpty(id) && Conversion.ArnParts.NamesSecret(id, value.Name, value.ARN);
        }
    }
}
