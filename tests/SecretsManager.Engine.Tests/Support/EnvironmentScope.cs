namespace SecretsManager.Engine.Tests.Support;

/// <summary>
/// Sets environment variables for one test and restores the previous values on Dispose. Every AWS_* variable that
/// influences client resolution is cleared unless given, and the shared config files point at an empty temp folder,
/// so the machine's own ~/.aws and environment never leak into a test.
/// </summary>
public sealed class EnvironmentScope : IDisposable
{
    private static readonly string[] Isolated =
    {
        "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SECRETS_MANAGER",
        "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "AWS_USE_FIPS_ENDPOINT", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_EC2_METADATA_DISABLED",
    };

    private readonly Dictionary<string, string> _saved = new();

    public EnvironmentScope(IDictionary<string, string> values = null)
    {
        Folder = Directory.CreateTempSubdirectory("sm-engine-env-").FullName;
        foreach (string name in Isolated.Concat(values?.Keys ?? Enumerable.Empty<string>()).Distinct())
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, null);
        }
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(Folder, "credentials"));
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", Path.Combine(Folder, "config"));
        // Never wait for an EC2 metadata service that is not there.
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        foreach (var pair in values ?? new Dictionary<string, string>()) { Environment.SetEnvironmentVariable(pair.Key, pair.Value); }
    }

    /// <summary>A temp folder for this test's shared config and credentials files.</summary>
    public string Folder { get; }

    public string CredentialsFile => Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE");

    public string ConfigFile => Environment.GetEnvironmentVariable("AWS_CONFIG_FILE");

    public void WriteCredentials(string text) => File.WriteAllText(CredentialsFile, text);

    public void WriteConfig(string text) => File.WriteAllText(ConfigFile, text);

    public void Dispose()
    {
        foreach (var pair in _saved) { Environment.SetEnvironmentVariable(pair.Key, pair.Value); }
        Directory.Delete(Folder, recursive: true);
    }
}
