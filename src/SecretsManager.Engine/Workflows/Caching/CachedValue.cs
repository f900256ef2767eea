using System;
using System.Collections.Generic;
using System.Linq;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Workflows.Caching
{
    /// <summary>One version of a secret's value as the cache holds it: protected, with the version's metadata.</summary>
    internal sealed class CachedValue : CacheEntry
    {
        private CachedValue(string arn, string name, string versionId, IReadOnlyList<string> versionStages, DateTime? createdDate,
            ProtectedValue value, DateTime storedAtUtc, int failures, DateTime retryNotBeforeUtc, Exception lastFailure)
            : base(arn, name, storedAtUtc, failures, retryNotBeforeUtc, lastFailure)
        {
            VersionId = versionId;
            VersionStages = versionStages;
            CreatedDate = createdDate;
            Value = value;
        }

        /// <summary>The version the value belongs to.</summary>
        public string VersionId { get; }

        /// <summary>The version's staging labels when it was read or last confirmed.</summary>
        public IReadOnlyList<string> VersionStages { get; }

        /// <summary>When the version was created.</summary>
        public DateTime? CreatedDate { get; }

        /// <summary>The value, protected.</summary>
        public ProtectedValue Value { get; }

        /// <summary>An entry for what GetSecretValue (or a batch entry in its shape) answered.</summary>
        public static CachedValue From(GetSecretValueResponse response, DateTime nowUtc) => new CachedValue(
            response.ARN, response.Name, response.VersionId, (response.VersionStages ?? new List<string>()).ToArray(), response.CreatedDate,
            ProtectedValue.Of(response.SecretString, response.SecretBinary), nowUtc, 0, DateTime.MinValue, null);

        /// <summary>A new response object holding the value in plain form, for one caller.</summary>
        public GetSecretValueResponse ToResponse() => new GetSecretValueResponse
        {
            ARN = Arn,
            Name = Name,
            VersionId = VersionId,
            VersionStages = VersionStages.ToList(),
            CreatedDate = CreatedDate,
            SecretString = Value.RevealString(),
            SecretBinary = Value.RevealBinary(),
        };

        /// <summary>Confirmed unchanged, with the version's current labels.</summary>
        public CachedValue RenewedAt(DateTime nowUtc, IReadOnlyList<string> versionStages) =>
            new CachedValue(Arn, Name, VersionId, versionStages ?? VersionStages, CreatedDate, Value, nowUtc, 0, DateTime.MinValue, null);

        /// <inheritdoc/>
        public override CacheEntry RenewedAt(DateTime nowUtc) => RenewedAt(nowUtc, null);

        /// <inheritdoc/>
        public override CacheEntry FailedAt(DateTime nowUtc, Exception failure) =>
            new CachedValue(Arn, Name, VersionId, VersionStages, CreatedDate, Value, StoredAtUtc, Failures + 1, NextTry(nowUtc, Failures + 1), failure);

        /// <summary>
        /// The version check: when <paramref name="description"/> (a fresh DescribeSecret of the same secret, not
        /// scheduled for deletion) still puts <paramref name="stage"/> on this entry's version, that version's labels;
        /// otherwise null, and the value must be read again.
        /// </summary>
        public IReadOnlyList<string> StagesIfUnchanged(DescribeSecretResponse description, string stage)
        {
            if (description == null || description.DeletedDate != null || !string.Equals(description.ARN, Arn, StringComparison.Ordinal)) return null;
            if (description.VersionIdsToStages == null || !description.VersionIdsToStages.TryGetValue(VersionId, out var stages) || stages == null) return null;
            return stages.Contains(stage) ? stages.ToArray() : null;
        }

        /// <summary>Names the secret and version, never the value.</summary>
        public override string ToString() => $"CachedValue {{ {Arn} {VersionId} }}";
    }
}
