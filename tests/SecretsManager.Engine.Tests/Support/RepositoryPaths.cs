namespace SecretsManager.Engine.Tests.Support;

/// <summary>Locates the repository root (the folder holding SmPowerShell.sln) from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SmPowerShell.sln"))) { return dir.FullName; }
            }
            throw new InvalidOperationException("Could not find the repository root (SmPowerShell.sln) above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The shared Smithy model, next to (never inside) the repository.</summary>
    public static string SmithyModel => Path.GetFullPath(Path.Combine(Root, "..", "shared", "aws-model", "secrets-manager-2017-10-17.smithy.json"));
}
