using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Internal.Sdk;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Workflows.Caching;

namespace SecretsManager.Engine.Internal
{
    /// <summary>
    /// The engine's client: generated per-operation methods (SecretsManagerClient.Operations.cs) funnel into
    /// <see cref="Execute{T}"/>, which calls the SDK pipeline and translates its exceptions into the engine's own.
    /// </summary>
    internal sealed partial class SecretsManagerClient : ISecretsManagerClient
    {
        /// <summary>How long the check of a lost answer may take when the call itself had no timeout.</summary>
        private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(30);

        private readonly SecretsManagerServiceClient _sdkClient;
        private readonly AWSCredentials _credentials;
        private readonly bool _ownedByCache;
        private bool _disposed;

        public SecretsManagerClient(SecretsManagerServiceClient sdkClient, AWSCredentials credentials, ClientResolution resolution, bool ownedByCache)
        {
            _sdkClient = sdkClient;
            _credentials = credentials;
            Resolution = resolution;
            _ownedByCache = ownedByCache;
        }

        public ClientResolution Resolution { get; }

        public IEnumerable<SecretListEntry> ListSecretsAll(ListSecretsRequest request)
        {
            RequestValidation.NotNull(request, nameof(request));
            return Paging.ListSecrets(this, request);
        }

        public IEnumerable<SecretVersionsListEntry> ListSecretVersionIdsAll(ListSecretVersionIdsRequest request)
        {
            RequestValidation.NotNull(request, nameof(request));
            RequestValidation.Required(request.SecretId, "ListSecretVersionIdsRequest.SecretId");
            return Paging.ListSecretVersionIds(this, request);
        }

        public IEnumerable<BatchGetSecretValueResponse> BatchGetSecretValueAll(IEnumerable<string> secretIds)
        {
            return Paging.BatchGetSecretValueByIds(this, OneBatch(secretIds));
        }

        /// <summary>
        /// The ids of one BatchGetSecretValue call, checked at the call: the reader (SecretValueReader) plans batches
        /// (input order, 20 distinct ids per client), and nothing plans them again here.
        /// </summary>
        internal static IReadOnlyList<string> OneBatch(IEnumerable<string> secretIds)
        {
            if (secretIds == null) { throw new ArgumentNullException(nameof(secretIds)); }
            var batch = secretIds.ToList();
            if (batch.Count == 0 || batch.Count > ModelConstraints.SecretIdListTypeMaxLength)
            {
                throw new ArgumentException($"One BatchGetSecretValue call takes 1 to {ModelConstraints.SecretIdListTypeMaxLength} ids, not {batch.Count}; SecretValueReader plans batches.", nameof(secretIds));
            }
            if (batch.Distinct(StringComparer.Ordinal).Count() != batch.Count)
            {
                throw new ArgumentException("One BatchGetSecretValue call names each id once (some endpoints answer a repeated id twice); SecretValueReader plans batches.", nameof(secretIds));
            }
            return batch;
        }

        public IEnumerable<BatchGetSecretValueResponse> BatchGetSecretValueAll(IList<Filter> filters)
        {
            if (filters == null) { throw new ArgumentNullException(nameof(filters)); }
            return Paging.BatchGetSecretValueByFilters(this, filters);
        }

        public void Dispose()
        {
            // A cached client is shared by every caller with the same options: only the cache may end it.
            if (_ownedByCache || _disposed) { return; }
            _disposed = true;
            _sdkClient.Dispose();
        }

        private T Execute<T>(WireOperation<T> operation)
        {
            // The synchronous methods run the asynchronous pipeline, so that a CallScope's token (a cmdlet's Ctrl+C)
            // and timeout reach the call in flight.
            CallScope scope = CallScope.Current;
            using (CallingThreadSend.Enter())
            {
                return ExecuteAsync(operation, scope?.CancellationToken ?? CancellationToken.None, scope?.Timeout).GetAwaiter().GetResult();
            }
        }

        private Task<T> ExecuteAsync<T>(WireOperation<T> operation, CancellationToken cancellationToken) =>
            ExecuteAsync(operation, cancellationToken, CallScope.Current?.Timeout);

        private Task<T> ExecuteAsync<T>(WireOperation<T> operation, CancellationToken cancellationToken, TimeSpan? timeout) =>
            SecretCacheWrites.Changes(operation.Name)
                ? ExecuteWriteAsync(operation, cancellationToken, timeout)
                : ExecuteCallAsync(operation, cancellationToken, timeout);

        private async Task<T> ExecuteWriteAsync<T>(WireOperation<T> operation, CancellationToken cancellationToken, TimeSpan? timeout)
        {
            T response = default(T);
            try
            {
                response = await ExecuteCallAsync(operation, cancellationToken, timeout).ConfigureAwait(false);
                return response;
            }
            finally
            {
                // Whatever the outcome (an unknown one included), the read cache forgets the secret this call may have changed.
                SecretCacheWrites.After(operation.Name, operation.Request, response);
            }
        }

        private async Task<T> ExecuteCallAsync<T>(WireOperation<T> operation, CancellationToken cancellationToken, TimeSpan? timeout)
        {
            ThrowIfDisposed();
            DateTime startedUtc = DateTime.UtcNow;
            CallRecord record;
            Exception translated;
            using (var call = CallRecord.Begin())
            {
                record = call.Record;
                try
                {
                    return await CallWithin(operation, cancellationToken, timeout).ConfigureAwait(false);
                }
                // The caller's own cancellation stays an OperationCanceledException; everything else is translated.
                catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested) &&
                                          (e is SecretsManagerConnectionException ? e : ExceptionTranslator.Translate(e, operation.Name, Resolution, operation.SentSecrets)) is Exception failure)
                {
                    translated = failure;
                }
            }
            return Settle(operation, translated, record, cancellationToken, timeout, startedUtc);
        }

        private async Task<T> CallWithin<T>(WireOperation<T> operation, CancellationToken cancellationToken, TimeSpan? timeout)
        {
            if (timeout == null)
            {
                await CredentialCheck.EnsureAsync(_credentials, Resolution, cancellationToken).ConfigureAwait(false);
                return await _sdkClient.CallAsync(operation, cancellationToken).ConfigureAwait(false);
            }
            using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                deadline.CancelAfter(timeout.Value);
                try
                {
                    await CredentialCheck.EnsureAsync(_credentials, Resolution, deadline.Token).ConfigureAwait(false);
                    return await _sdkClient.CallAsync(operation, deadline.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
                {
                    // The attempt in flight may have been applied: the record says so, and the outcome is checked.
                    if (CallRecord.Current is CallRecord record && record.Attempts > 0) record.MayHaveReachedService = true;
                    throw new SecretsManagerConnectionException(
                        $"Secrets Manager at {Resolution.Endpoint} did not answer {operation.Name} within {timeout.Value.TotalSeconds:0.###} s.", e);
                }
            }
        }

        /// <summary>
        /// A failure after an attempt may have reached the service: checks whether the change took effect. Applied: the
        /// call succeeds (with a notice); not applied: the failure stands; can't tell: SecretsManagerOutcomeUnknownException.
        /// </summary>
        private T Settle<T>(WireOperation<T> operation, Exception failure, CallRecord record, CancellationToken cancellationToken, TimeSpan? timeout, DateTime startedUtc)
        {
            if (!record.MayHaveReachedService || !OutcomeVerifier.Handles(operation.Name)) throw failure;
            OutcomeVerdict verdict;
            using (CallScope.Enter(cancellationToken, timeout ?? CheckTimeout))
            {
                verdict = OutcomeVerifier.Check(this, operation.Name, operation.Request, operation.IdempotencyToken, startedUtc);
            }
            string target = OutcomeVerifier.TargetOf(operation.Request);
            // What the check read may echo the value too (an endpoint that echoes every body): scrubbed like the failure.
            string detail = SentSecrets.Scrub(verdict.Detail, operation.SentSecrets);
            switch (verdict.Kind)
            {
                case OutcomeKind.Applied:
                    CallNotices.Add($"{operation.Name} '{target}': the answer was lost ({failure.Message}), but the change is confirmed: {detail}.");
                    return (T)verdict.Response;
                case OutcomeKind.NotApplied:
                    throw failure;
                default:
                    string repeat = operation.IdempotencyToken == null
                        ? "Check the secret before repeating the call."
                        : $"Repeating it with ClientRequestToken {operation.IdempotencyToken} is safe: it can't apply twice.";
                    throw new SecretsManagerOutcomeUnknownException(operation.Name, target, operation.IdempotencyToken,
                        $"{operation.Name} for '{target}' may have been applied: {failure.Message} Whether it took effect is unknown ({detail}). {repeat}",
                        failure);
            }
        }

        private void ThrowIfDisposed()
        {
            if (_disposed) { throw new ObjectDisposedException(nameof(ISecretsManagerClient)); }
        }
    }
}
