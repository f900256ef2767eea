namespace SecretsManager.Local.Tests.Infrastructure;

/// <summary>An endpoint with two external rotation functions backed by <see cref="RotationScript"/>.</summary>
public sealed class RotationScriptFixture : LocalServerFixture
{
    public RotationScriptFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "sm-local-rotation-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        ScriptPath = Path.Combine(Directory, "rotate.py");
        File.WriteAllText(ScriptPath, RotationScript.Source);
        LogPath = Path.Combine(Directory, "steps.log");
        Python = FindOnPath("python3");
    }

    public string Directory { get; }
    public string ScriptPath { get; }
    public string LogPath { get; }
    public string EventPath => Path.Combine(Directory, "event.json");
    public string EnvironmentPath => Path.Combine(Directory, "env.txt");

    /// <summary>Full path of python3, or null when the machine has none (the tests then skip, saying so).</summary>
    public string? Python { get; }

    protected override LocalServerOptions CreateOptions() => new()
    {
        Port = 0,
        RotationFunctions = new Dictionary<string, string>
        {
            ["ScriptRotator"] = $"'{Python}' '{ScriptPath}' '{LogPath}'",
            ["FailingRotator"] = $"'{Python}' '{ScriptPath}' '{LogPath}' --fail-at setSecret",
            ["MissingCommand"] = $"'{Path.Combine(Directory, "no-such-program")}'",
            // Records what a step receives (stdin, environment), then fails it.
            ["EventRecorder"] = $"cat > '{EventPath}'; env > '{EnvironmentPath}'; exit 7",
            // Reports success from every step without doing any of their work.
            ["DoesNothing"] = "exit 0",
            // Fails its first step, writing something that must stay in the endpoint's log.
            ["NoisyFailure"] = "echo s3cret-in-stderr >&2; exit 3",
        },
    };

    public string[] LoggedSteps() => File.Exists(LogPath) ? File.ReadAllLines(LogPath) : [];

    /// <summary>What testSecret read: "VersionId SecretString" per call.</summary>
    public string[] TestedPendingValues() => File.Exists(LogPath + ".pending") ? File.ReadAllLines(LogPath + ".pending") : [];

    public void ClearLog()
    {
        if (File.Exists(LogPath)) File.Delete(LogPath);
        if (File.Exists(LogPath + ".pending")) File.Delete(LogPath + ".pending");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { /* best effort temp clean-up */ }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}
