using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Tests.Support;

namespace SecretsManager.Engine.Tests.EndToEnd;

/// <summary>
/// Credentials and region from the environment and from shared config files, used for real against
/// SecretsManager.Local. These tests change environment variables, so they run alone.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public class CredentialSourcesEndToEndTests : IClassFixture<LocalServerFixture>
{
    private readonly LocalServerFixture _local;

    public CredentialSourcesEndToEndTests(LocalServerFixture local) => _local = local;

    [Fact]
    public void CredentialsRegionAndEndpointComeFromEnvironmentVariables()
    {
        using var scope = new EnvironmentScope(new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = LocalServerFixture.AccessKey,
            ["AWS_SECRET_ACCESS_KEY"] = LocalServerFixture.SecretKey,
            ["AWS_REGION"] = "eu-central-1",
            ["AWS_ENDPOINT_URL_SECRETS_MANAGER"] = _local.Url,
        });
        using var client = SecretsManagerClientFactory.Create(new SecretsManagerClientOptions());

        AssertWorksInRegion(client, "eu-central-1");
        Assert.Contains("AWS_ACCESS_KEY_ID", client.Resolution.CredentialSource);
        Assert.Equal("environment variable AWS_REGION", client.Resolution.RegionSource);
        Assert.Equal("environment variable AWS_ENDPOINT_URL_SECRETS_MANAGER", client.Resolution.EndpointSource);
    }

    [Fact]
    public void TheGlobalEndpointVariableIsUsedWhenNoServiceSpecificOneIsSet()
    {
        using var scope = new EnvironmentScope(new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = LocalServerFixture.AccessKey,
            ["AWS_SECRET_ACCESS_KEY"] = LocalServerFixture.SecretKey,
            ["AWS_DEFAULT_REGION"] = "sa-east-1",
            ["AWS_ENDPOINT_URL"] = _local.Url,
        });
        using var client = SecretsManagerClientFactory.Create(new SecretsManagerClientOptions());

        AssertWorksInRegion(client, "sa-east-1");
        Assert.Equal("environment variable AWS_ENDPOINT_URL", client.Resolution.EndpointSource);
        Assert.Equal("environment variable AWS_DEFAULT_REGION", client.Resolution.RegionSource);
    }

    [Fact]
    public void CredentialsAndRegionComeFromANamedProfileInTemporarySharedFiles()
    {
        using var scope = new EnvironmentScope();
        scope.WriteCredentials($"[e2e]\naws_access_key_id = {LocalServerFixture.AccessKey}\naws_secret_access_key = {LocalServerFixture.SecretKey}\n");
        scope.WriteConfig("[profile e2e]\nregion = ap-northeast-1\n");
        using var client = SecretsManagerClientFactory.Create(new SecretsManagerClientOptions { ProfileName = "e2e", EndpointUrl = _local.Url });

        AssertWorksInRegion(client, "ap-northeast-1");
        Assert.Contains("profile 'e2e'", client.Resolution.CredentialSource);
        Assert.Equal("profile 'e2e'", client.Resolution.RegionSource);
    }

    [Fact]
    public void AwsProfileSelectsTheProfileAndItsEndpointUrl()
    {
        using var scope = new EnvironmentScope(new Dictionary<string, string> { ["AWS_PROFILE"] = "team" });
        scope.WriteCredentials($"[default]\naws_access_key_id = wrong\naws_secret_access_key = wrong\n[team]\naws_access_key_id = {LocalServerFixture.AccessKey}\naws_secret_access_key = {LocalServerFixture.SecretKey}\n");
        scope.WriteConfig($"[profile team]\nregion = eu-north-1\nendpoint_url = {_local.Url}\n");
        using var client = SecretsManagerClientFactory.Create(new SecretsManagerClientOptions());

        AssertWorksInRegion(client, "eu-north-1");
        Assert.Contains("AWS_PROFILE", client.Resolution.CredentialSource);
        Assert.Equal("endpoint_url of profile 'team'", client.Resolution.EndpointSource);
    }

    [Fact]
    public void TheDefaultProfileIsUsedWhenNothingElseIsSet()
    {
        using var scope = new EnvironmentScope();
        scope.WriteCredentials($"[default]\naws_access_key_id = {LocalServerFixture.AccessKey}\naws_secret_access_key = {LocalServerFixture.SecretKey}\n");
        scope.WriteConfig("[default]\nregion = us-west-1\n");
        using var client = SecretsManagerClientFactory.Create(new SecretsManagerClientOptions { EndpointUrl = _local.Url });

        AssertWorksInRegion(client, "us-west-1");
        Assert.Contains("profile 'default'", client.Resolution.CredentialSource);
    }

    [SkippableFact]
    public void ACredentialProcessProfileIsRunByTheSdk()
    {
        Skip.If(OperatingSystem.IsWindows(), "The credential_process fixture uses /bin/sh.");
        using var scope = new EnvironmentScope();
        string json = $$"""{"Version": 1, "AccessKeyId": "{{LocalServerFixture.AccessKey}}", "SecretAccessKey": "{{LocalServerFixture.SecretKey}}"}""";
        string script = Path.Combine(scope.Folder, "creds.sh");
        File.WriteAllText(script, $"#!/bin/sh\ncat <<'EOF'\n{json}\nEOF\n");
        if (!OperatingSystem.IsWindows()) { File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute); }
        scope.WriteConfig($"[profile proc]\nregion = eu-west-3\ncredential_process = {script}\n");
        using var client = SecretsManagerClientFactory.Create(new SecretsManagerClientOptions { ProfileName = "proc", EndpointUrl = _local.Url });

        AssertWorksInRegion(client, "eu-west-3");
    }

    [SkippableFact]
    public void AFailingCredentialProcessIsAConfigurationErrorNotAServiceOrConnectionError()
    {
        Skip.If(OperatingSystem.IsWindows(), "The credential_process fixture uses /bin/sh.");
        using var scope = new EnvironmentScope();
        string script = Path.Combine(scope.Folder, "fail.sh");
        File.WriteAllText(script, "#!/bin/sh\necho 'token expired, run aws sso login' >&2\nexit 3\n");
        if (!OperatingSystem.IsWindows()) { File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute); }
        scope.WriteConfig($"[profile broken]\nregion = us-east-1\ncredential_process = {script}\n");

        var error = Assert.ThrowsAny<SecretsManagerConfigurationException>(() =>
        {
            using var client = SecretsManagerClientFactory.Create(new SecretsManagerClientOptions { ProfileName = "broken", EndpointUrl = _local.Url });
            client.ListSecrets(new ListSecretsRequest());
        });

        Assert.Contains("token expired, run aws sso login", error.Message);
        Assert.Contains("profile 'broken'", error.Message);
    }

    [Fact]
    public void ExplicitKeysWinOverEnvironmentAndProfile()
    {
        using var scope = new EnvironmentScope(new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = "wrong",
            ["AWS_SECRET_ACCESS_KEY"] = "wrong",
        });
        scope.WriteCredentials("[default]\naws_access_key_id = wrong\naws_secret_access_key = wrong\n");
        using var client = SecretsManagerClientFactory.Create(new SecretsManagerClientOptions
        {
            Region = "ca-central-1",
            AccessKeyId = LocalServerFixture.AccessKey,
            SecretAccessKey = LocalServerFixture.SecretKey,
            EndpointUrl = _local.Url,
        });

        AssertWorksInRegion(client, "ca-central-1");
        Assert.StartsWith("explicit credentials", client.Resolution.CredentialSource);
    }

    [Fact]
    public void AProfileWithWrongKeysIsRejectedByTheService()
    {
        using var scope = new EnvironmentScope();
        scope.WriteCredentials("[bad]\naws_access_key_id = AKIDUNKNOWN\naws_secret_access_key = nope\n");
        using var client = SecretsManagerClientFactory.Create(new SecretsManagerClientOptions { ProfileName = "bad", Region = "us-east-1", EndpointUrl = _local.Url });

        var error = Assert.Throws<SecretsManagerServiceException>(() => client.ListSecrets(new ListSecretsRequest()));

        Assert.Equal("UnrecognizedClientException", error.ErrorCode);
    }

    private static void AssertWorksInRegion(ISecretsManagerClient client, string region)
    {
        string name = LocalServerFixture.UniqueName("credentials");
        var created = client.CreateSecret(new CreateSecretRequest { Name = name, SecretString = "v" });
        try
        {
            Assert.Contains($":{region}:", created.ARN);
            Assert.Equal(region, client.Resolution.Region);
            Assert.Equal("v", client.GetSecretValue(new GetSecretValueRequest { SecretId = name }).SecretString);
        }
        finally
        {
            client.DeleteSecret(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
        }
    }
}
