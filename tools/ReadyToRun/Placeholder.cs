namespace SecretsManager.ReadyToRun;

/// <summary>The project needs one type; what matters is the published dependencies.</summary>
internal static class Placeholder
{
}
