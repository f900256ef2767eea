namespace SecretsManager
{
    /// <summary>What Copy-SmSecret did to one secret's copy.</summary>
    public enum SecretCopyAction
    {
        /// <summary>The copy was created.</summary>
        Created,

        /// <summary>The copy existed and was brought up to date: see Changes.</summary>
        Updated,

        /// <summary>The copy already matched: nothing was written.</summary>
        Unchanged,

        /// <summary>Nothing was copied: see NotCopied for why.</summary>
        Skipped,
    }
}
