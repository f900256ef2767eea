namespace SecretsManager.Engine.Tests.Support;

/// <summary>
/// Tests that change process-wide state (environment variables, AWSConfigs) run alone, after the parallel ones,
/// so they cannot disturb other tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessStateCollection
{
    public const string Name = "Process-wide state";
}
