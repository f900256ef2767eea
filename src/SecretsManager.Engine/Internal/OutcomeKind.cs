namespace SecretsManager.Engine.Internal
{
    /// <summary>Applied: the change is there. NotApplied: it certainly isn't. Unknown: the check could not tell.</summary>
    internal enum OutcomeKind
    {
        Applied,
        NotApplied,
        Unknown,
    }
}
