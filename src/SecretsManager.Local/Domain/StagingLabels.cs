using SecretsManager.Local.Protocol;
using SecretsManager.Local.State;

namespace SecretsManager.Local.Domain;

/// <summary>The staging-label rules: one version per label, AWSPREVIOUS follows AWSCURRENT, at most 20 labels per version.</summary>
internal static class StagingLabels
{
    public const string Current = "AWSCURRENT";
    public const string Previous = "AWSPREVIOUS";
    public const string Pending = "AWSPENDING";
    public const int MaxLabelsPerVersion = 20;

    /// <summary>Attaches <paramref name="label"/> to <paramref name="target"/>, removing it from whichever version held it.</summary>
    public static void Move(Secret secret, string label, SecretVersion target)
    {
        var holder = secret.FindByStage(label);
        if (holder == target) return;
        holder?.Stages.Remove(label);
        target.Stages.Add(label);
        if (label == Current && holder is not null)
        {
            // The version AWSCURRENT left becomes AWSPREVIOUS.
            var previous = secret.FindByStage(Previous);
            previous?.Stages.Remove(Previous);
            if (!holder.Stages.Contains(Previous)) holder.Stages.Add(Previous);
        }
    }

    /// <summary>Throws LimitExceededException when adding labels would put more than 20 on one version.</summary>
    public static void EnsureRoom(SecretVersion target, IEnumerable<string> adding)
    {
        var total = target.Stages.Union(adding, StringComparer.Ordinal).Count();
        if (total > MaxLabelsPerVersion)
            throw ServiceException.Limit($"A version can have at most {MaxLabelsPerVersion} staging labels; this request would attach {total} to version {target.VersionId}.");
    }
}
