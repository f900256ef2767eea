using SecretsManager.Local.Protocol;
using SecretsManager.Local.State;

namespace SecretsManager.Local.Domain;

/// <summary>
/// Creates secret versions: idempotency by ClientRequestToken, label moves, and pruning of deprecated versions past the
/// version quota (AWS keeps about 100 versions and never removes a version less than 24 hours old).
/// </summary>
internal static class VersionWriter
{
    public const int VersionQuota = 100;
    private static readonly TimeSpan MinimumAgeToPrune = TimeSpan.FromHours(24);

    /// <summary>
    /// Applies the ClientRequestToken rules: an existing version with the same token and value is returned unchanged;
    /// with a different value the call fails with ResourceExistsException. Returns null when the token is new.
    /// </summary>
    public static SecretVersion? CheckToken(Secret secret, string token, string? secretString, byte[]? secretBinary)
    {
        var existing = secret.FindVersion(token);
        if (existing is null) return null;
        if (existing.HasSameValue(secretString, secretBinary)) return existing;
        throw ServiceException.Exists(
            $"A version with VersionId {token} already exists with a different value. You can't modify an existing version; create a new version with a new ClientRequestToken.");
    }

    /// <summary>Validates that a new version can be added (label and version quotas) without changing anything.</summary>
    public static void EnsureCanAdd(Secret secret, IReadOnlyCollection<string> stages, DateTimeOffset now)
    {
        var labels = new HashSet<string>(stages, StringComparer.Ordinal);
        if (secret.FindByStage(StagingLabels.Current) is null) labels.Add(StagingLabels.Current);
        if (labels.Count > StagingLabels.MaxLabelsPerVersion)
            throw ServiceException.Limit($"A version can have at most {StagingLabels.MaxLabelsPerVersion} staging labels.");
        var prunable = secret.Versions.Count(v => v.IsDeprecated && now - v.CreatedDate >= MinimumAgeToPrune);
        if (secret.Versions.Count + 1 - prunable > VersionQuota)
            throw ServiceException.Limit(
                $"You have exceeded the maximum number of versions ({VersionQuota}) for secret {secret.Name}. Secrets Manager removes deprecated versions only when they are at least 24 hours old.");
    }

    /// <summary>Adds a version carrying <paramref name="stages"/> (AWSCURRENT is added too when no version has it yet).</summary>
    public static SecretVersion Add(Secret secret, string versionId, string? secretString, byte[]? secretBinary,
        IReadOnlyCollection<string> stages, DateTimeOffset now)
    {
        var version = new SecretVersion { VersionId = versionId, SecretString = secretString, SecretBinary = secretBinary, CreatedDate = now };
        var isFirstCurrent = secret.FindByStage(StagingLabels.Current) is null;
        secret.Versions.Add(version);
        foreach (var stage in stages.Distinct(StringComparer.Ordinal))
            StagingLabels.Move(secret, stage, version);
        if (isFirstCurrent && !version.Stages.Contains(StagingLabels.Current))
            version.Stages.Add(StagingLabels.Current);
        secret.LastChangedDate = now;
        Prune(secret, now);
        return version;
    }

    /// <summary>Removes the oldest deprecated versions older than 24 hours while the secret is over the quota.</summary>
    public static void Prune(Secret secret, DateTimeOffset now)
    {
        if (secret.Versions.Count <= VersionQuota) return;
        var removable = secret.Versions.Where(v => v.IsDeprecated && now - v.CreatedDate >= MinimumAgeToPrune)
            .OrderBy(v => v.CreatedDate).ToList();
        foreach (var v in removable)
        {
            if (secret.Versions.Count <= VersionQuota) break;
            secret.Versions.Remove(v);
        }
    }
}
