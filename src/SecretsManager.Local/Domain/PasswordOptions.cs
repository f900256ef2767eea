namespace SecretsManager.Local.Domain;

/// <summary>The options of one GetRandomPassword request.</summary>
internal sealed record PasswordOptions(int Length, string Exclude, bool ExcludeNumbers, bool ExcludePunctuation, bool ExcludeUppercase,
    bool ExcludeLowercase, bool IncludeSpace, bool RequireEachIncludedType);
