namespace SecretsManager.Local.Tests.Infrastructure;

/// <summary>Where the shared AWS model lives: ../shared/aws-model beside (never inside) the repository.</summary>
public static class ModelFiles
{
    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SmPowerShell.sln")))
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "aws-model"));
            }
            return Path.Combine(AppContext.BaseDirectory, "no-repository-root");
        }
    }

    public static string Model => Path.Combine(Folder, "secrets-manager-2017-10-17.smithy.json");

    public static string Examples => Path.Combine(Folder, "examples-1.json");
}
