using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SecretsManager.Engine.Internal.Sdk;

namespace SecretsManager.Engine.Internal
{
    /// <summary>
    /// The engine's client: generated per-operation methods (SecretsManagerClient.Operations.cs) funnel into
    /// <see cref="Execute{T}"/>, which calls the SDK pipeline and translates its exceptions into the engine's own.
    /// </summary>
    internal sealed partial class SecretsManagerClient : ISecretsManagerClient
    {
        private readonly SecretsManagerServiceClient _sdkClient;
        private readonly bool _ownedByCache;
        private bool _disposed;

        public SecretsManagerClient(SecretsManagerServiceClient sdkClient, ClientResolution resolution, bool ownedByCache)
        {
            _sdkClient = sdkClient;
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
            if (secretIds == null) { throw new ArgumentNullException(nameof(secretIds)); }
            return Paging.BatchGetSecretValueByIds(this, secretIds);
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
            ThrowIfDisposed();
            try
            {
                return _sdkClient.Call(operation);
            }
            catch (Exception e) when (ExceptionTranslator.Translate(e, operation.Name, Resolution, operation.SentSecrets) is Exception translated)
            {
                throw translated;
            }
        }

        private async Task<T> ExecuteAsync<T>(WireOperation<T> operation, CancellationToken cancellationToken)
        {
            ThrowIfDisposed();
            try
            {
                return await _sdkClient.CallAsync(operation, cancellationToken).ConfigureAwait(false);
            }
            // The caller's own cancellation stays an OperationCanceledException; everything else is translated.
            catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested) &&
                                      ExceptionTranslator.Translate(e, operation.Name, Resolution, operation.SentSecrets) is Exception translated)
            {
                throw translated;
            }
        }

        private void ThrowIfDisposed()
        {
            if (_disposed) { throw new ObjectDisposedException(nameof(ISecretsManagerClient)); }
        }
    }
}
