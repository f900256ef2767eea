using SecretsManager.Local.State;

namespace SecretsManager.Local.Domain;

/// <summary>Finds a secret by name, full ARN, or partial ARN (the ARN without the 6-character suffix).</summary>
internal static class SecretLocator
{
    public static Secret? Find(RegionStore store, string secretId)
    {
        if (store.Secrets.TryGetValue(secretId, out var byName)) return byName;
        if (!secretId.StartsWith("arn:", StringComparison.Ordinal)) return null;

        var prefix = $"arn:aws:secretsmanager:{store.Region}:{store.AccountId}:secret:";
        if (!secretId.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var rest = secretId[prefix.Length..];
        foreach (var secret in store.Secrets.Values)
            if (secret.Arn == secretId) return secret;
        return store.Secrets.TryGetValue(rest, out var partial) ? partial : null;
    }
}
