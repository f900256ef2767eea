using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Internal;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Tests.Support;

namespace SecretsManager.Engine.Tests.Resolution;

/// <summary>Where region, credentials and endpoint come from, and the errors when they are missing.</summary>
[Collection(ProcessStateCollection.Name)]
public class ClientResolutionTests
{
    private static SecretsManagerClientOptions WithKeys(string region = null, string endpoint = null, bool fips = false) => new()
    {
        Region = region,
        AccessKeyId = "AKIDEXAMPLE",
        SecretAccessKey = "secret-value-never-shown",
        EndpointUrl = endpoint,
        UseFipsEndpoint = fips,
    };

    [Fact]
    public void NoRegionAnywhereSaysWhatToSet()
    {
        using var scope = new EnvironmentScope();

        var error = Assert.Throws<SecretsManagerConfigurationException>(() => SecretsManagerClientFactory.Create(WithKeys()));

        Assert.StartsWith("No AWS region: pass -Region, set AWS_REGION or AWS_DEFAULT_REGION, or set region in the profile", error.Message);
    }

    [Fact]
    public void TheErrorsNameTheCallersParameters()
    {
        using var scope = new EnvironmentScope();
        var names = new ConnectionParameterNames("-DestinationRegion", "-DestinationProfileName", "-DestinationCredential", "-DestinationEndpointUrl");

        var noRegion = WithKeys();
        noRegion.ParameterNames = names;
        Assert.StartsWith("No AWS region: pass -DestinationRegion, set AWS_REGION", Assert.Throws<SecretsManagerConfigurationException>(() => SecretsManagerClientFactory.Create(noRegion)).Message);
        var noCredentials = Assert.Throws<SecretsManagerConfigurationException>(() =>
            SecretsManagerClientFactory.Create(new SecretsManagerClientOptions { Region = "us-east-1", ParameterNames = names }));
        Assert.StartsWith("No AWS credentials: pass -DestinationCredential or -DestinationProfileName, set AWS_ACCESS_KEY_ID", noCredentials.Message);
        Assert.True(noCredentials.NoCredentials);
        // The names are no setting: the same settings are equal whatever they are called.
        Assert.Equal(WithKeys("us-east-1"), new SecretsManagerClientOptions { Region = "us-east-1", AccessKeyId = "AKIDEXAMPLE", SecretAccessKey = "secret-value-never-shown", ParameterNames = names });
    }

    [Fact]
    public void NoCredentialsAnywhereSaysWhatToSet()
    {
        using var scope = new EnvironmentScope();

        var error = Assert.Throws<SecretsManagerConfigurationException>(() => SecretsManagerClientFactory.Create(new SecretsManagerClientOptions { Region = "us-east-1" }));

        Assert.Contains("No AWS credentials", error.Message);
        Assert.Contains("AWS_ACCESS_KEY_ID", error.Message);
        Assert.Contains("-ProfileName", error.Message);
    }

    [Fact]
    public void NoCredentialsOffEc2IsAConfigurationErrorThatSaysWhatToSetNotAConnectionError()
    {
        // A laptop with nothing configured: the SDK chain ends at the EC2 metadata service, which is not there.
        int deadPort = FreePort.Get();
        using var scope = new EnvironmentScope(new Dictionary<string, string>
        {
            ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = $"http://127.0.0.1:{deadPort}",
            ["AWS_METADATA_SERVICE_NUM_ATTEMPTS"] = "1",
            ["AWS_METADATA_SERVICE_TIMEOUT"] = "1",
        });
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", null);

        var error = Assert.ThrowsAny<Exception>(() =>
        {
            using var client = SecretsManagerClientFactory.Create(new SecretsManagerClientOptions { Region = "us-east-1", EndpointUrl = "http://127.0.0.1:" + FreePort.Get() });
            client.ListSecrets(new ListSecretsRequest());
        });

        Assert.IsType<SecretsManagerConfigurationException>(error);
        Assert.Contains("AWS_ACCESS_KEY_ID", error.Message);
        Assert.Contains("-ProfileName", error.Message);
    }

    [Fact]
    public void AnUnknownProfileNamedByTheOptionIsAnError()
    {
        using var scope = new EnvironmentScope();
        scope.WriteCredentials("[other]\naws_access_key_id = a\naws_secret_access_key = b\n");

        var error = Assert.Throws<SecretsManagerConfigurationException>(() => SecretsManagerClientFactory.Create(new SecretsManagerClientOptions { ProfileName = "nope", Region = "us-east-1" }));

        Assert.Contains("'nope'", error.Message);
        Assert.Contains(scope.CredentialsFile, error.Message);
    }

    [Fact]
    public void AnUnknownAwsProfileOnlyMattersWhenItIsNeeded()
    {
        using var scope = new EnvironmentScope(new Dictionary<string, string> { ["AWS_PROFILE"] = "ghost" });

        using var client = SecretsManagerClientFactory.Create(WithKeys(region: "us-east-1"));
        Assert.Equal("us-east-1", client.Resolution.Region);

        var error = Assert.Throws<SecretsManagerConfigurationException>(() => SecretsManagerClientFactory.Create(new SecretsManagerClientOptions { Region = "us-east-1" }));
        Assert.Contains("'ghost'", error.Message);
        Assert.Contains("AWS_PROFILE", error.Message);
    }

    [Fact]
    public void HalfOfAnExplicitKeyPairIsAnError()
    {
        using var scope = new EnvironmentScope();

        var error = Assert.Throws<SecretsManagerConfigurationException>(() => SecretsManagerClientFactory.Create(new SecretsManagerClientOptions { Region = "us-east-1", AccessKeyId = "AKID" }));

        Assert.Contains("secret access key", error.Message);
    }

    [Fact]
    public void HalfOfAnEnvironmentKeyPairIsAnError()
    {
        using var scope = new EnvironmentScope(new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "AKID" });

        var error = Assert.Throws<SecretsManagerConfigurationException>(() => SecretsManagerClientFactory.Create(new SecretsManagerClientOptions { Region = "us-east-1" }));

        Assert.Contains("AWS_SECRET_ACCESS_KEY", error.Message);
    }

    [Fact]
    public void RegionPrecedenceIsOptionThenAwsRegionThenAwsDefaultRegionThenProfile()
    {
        using var scope = new EnvironmentScope(new Dictionary<string, string> { ["AWS_REGION"] = "eu-west-1", ["AWS_DEFAULT_REGION"] = "eu-west-2" });
        scope.WriteConfig("[default]\nregion = eu-west-3\n");

        Assert.Equal(("ap-east-1", "the Region option"), Region(WithKeys(region: "ap-east-1")));
        Assert.Equal(("eu-west-1", "environment variable AWS_REGION"), Region(WithKeys()));
        Environment.SetEnvironmentVariable("AWS_REGION", null);
        Assert.Equal(("eu-west-2", "environment variable AWS_DEFAULT_REGION"), Region(WithKeys()));
        Environment.SetEnvironmentVariable("AWS_DEFAULT_REGION", null);
        Assert.Equal(("eu-west-3", "profile 'default'"), Region(WithKeys()));

        static (string, string) Region(SecretsManagerClientOptions options)
        {
            using var client = SecretsManagerClientFactory.Create(options);
            return (client.Resolution.Region, client.Resolution.RegionSource);
        }
    }

    [Theory]
    [InlineData("us-east-1", false, "https://secretsmanager.us-east-1.amazonaws.com")]
    [InlineData("eu-central-1", true, "https://secretsmanager-fips.eu-central-1.amazonaws.com")]
    [InlineData("cn-north-1", false, "https://secretsmanager.cn-north-1.amazonaws.com.cn")]
    [InlineData("us-gov-west-1", true, "https://secretsmanager-fips.us-gov-west-1.amazonaws.com")]
    public void TheRegionalEndpointFollowsTheRegionAndTheFipsSwitch(string region, bool fips, string expected)
    {
        using var scope = new EnvironmentScope();
        using var client = SecretsManagerClientFactory.Create(WithKeys(region: region, fips: fips));

        Assert.Equal(expected, client.Resolution.Endpoint);
        Assert.Contains(fips ? "FIPS" : "regional", client.Resolution.EndpointSource);
    }

    [Fact]
    public void AwsUseFipsEndpointSelectsTheFipsEndpoint()
    {
        using var scope = new EnvironmentScope(new Dictionary<string, string> { ["AWS_USE_FIPS_ENDPOINT"] = "true" });
        using var client = SecretsManagerClientFactory.Create(WithKeys(region: "us-east-2"));

        Assert.Equal("https://secretsmanager-fips.us-east-2.amazonaws.com", client.Resolution.Endpoint);
    }

    [Fact]
    public void TheProfilesUseFipsEndpointSelectsTheFipsEndpointAndAConfiguredUrlWinsOverIt()
    {
        using var scope = new EnvironmentScope(new Dictionary<string, string> { ["AWS_PROFILE"] = "gov" });
        scope.WriteConfig("[profile gov]\nregion = us-gov-west-1\nuse_fips_endpoint = true\n");

        using (var client = SecretsManagerClientFactory.Create(WithKeys()))
        {
            Assert.Equal("https://secretsmanager-fips.us-gov-west-1.amazonaws.com", client.Resolution.Endpoint);
            Assert.Contains("use_fips_endpoint of profile 'gov'", client.Resolution.EndpointSource);
        }

        // An endpoint URL is a full replacement: FIPS does not rewrite it.
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", "http://127.0.0.1:2222");
        using (var client = SecretsManagerClientFactory.Create(WithKeys(fips: true)))
        {
            Assert.Equal("http://127.0.0.1:2222", client.Resolution.Endpoint);
        }
    }

    [Fact]
    public void TheProfilesIgnoreConfiguredEndpointUrlsSkipsEveryConfiguredEndpointButTheOption()
    {
        using var scope = new EnvironmentScope(new Dictionary<string, string>
        {
            ["AWS_PROFILE"] = "prod",
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:2222",
        });
        scope.WriteConfig("[profile prod]\nregion = eu-west-1\nendpoint_url = http://127.0.0.1:9999\nignore_configured_endpoint_urls = true\n");

        using (var client = SecretsManagerClientFactory.Create(WithKeys()))
        {
            Assert.Equal("https://secretsmanager.eu-west-1.amazonaws.com", client.Resolution.Endpoint);
        }
        using (var client = SecretsManagerClientFactory.Create(WithKeys(endpoint: "http://127.0.0.1:3333")))
        {
            Assert.Equal("http://127.0.0.1:3333", client.Resolution.Endpoint);
        }
    }

    [Fact]
    public void EndpointPrecedenceIsOptionThenServiceVariableThenGlobalVariableThenRegional()
    {
        using var scope = new EnvironmentScope(new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_SECRETS_MANAGER"] = "http://127.0.0.1:1111",
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:2222",
        });

        Assert.Equal(("http://127.0.0.1:3333", "the EndpointUrl option"), Endpoint(WithKeys("us-east-1", "http://127.0.0.1:3333/")));
        Assert.Equal(("http://127.0.0.1:1111", "environment variable AWS_ENDPOINT_URL_SECRETS_MANAGER"), Endpoint(WithKeys("us-east-1")));
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_SECRETS_MANAGER", null);
        Assert.Equal(("http://127.0.0.1:2222", "environment variable AWS_ENDPOINT_URL"), Endpoint(WithKeys("us-east-1")));
        Environment.SetEnvironmentVariable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
        Assert.Equal(("https://secretsmanager.us-east-1.amazonaws.com", "the regional endpoint"), Endpoint(WithKeys("us-east-1")));

        static (string, string) Endpoint(SecretsManagerClientOptions options)
        {
            using var client = SecretsManagerClientFactory.Create(options);
            return (client.Resolution.Endpoint, client.Resolution.EndpointSource);
        }
    }

    [Fact]
    public void TheProfilesServicesSectionGivesAServiceSpecificEndpointBeforeItsGlobalEndpointUrl()
    {
        using var scope = new EnvironmentScope(new Dictionary<string, string> { ["AWS_PROFILE"] = "dev" });
        scope.WriteConfig("""
            [profile dev]
            region = us-east-1
            services = local-services
            endpoint_url = http://127.0.0.1:9999
            # comment
            [services local-services]
            s3 =
              endpoint_url = http://127.0.0.1:1000
            secrets_manager =
              endpoint_url = http://127.0.0.1:4566
            [services other]
            secrets_manager =
              endpoint_url = http://127.0.0.1:5000
            """ + "\n");

        using (var client = SecretsManagerClientFactory.Create(WithKeys()))
        {
            Assert.Equal("http://127.0.0.1:4566", client.Resolution.Endpoint);
            Assert.Equal("secrets_manager endpoint_url in [services local-services] of profile 'dev'", client.Resolution.EndpointSource);
        }

        // The environment still wins over the config file.
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", "http://127.0.0.1:7777");
        using (var client = SecretsManagerClientFactory.Create(WithKeys()))
        {
            Assert.Equal("http://127.0.0.1:7777", client.Resolution.Endpoint);
        }
    }

    [Fact]
    public void AServicesSectionWithoutSecretsManagerFallsBackToTheProfilesEndpointUrl()
    {
        using var scope = new EnvironmentScope(new Dictionary<string, string> { ["AWS_PROFILE"] = "dev" });
        scope.WriteConfig("[profile dev]\nregion = us-east-1\nservices = s3only\nendpoint_url = http://127.0.0.1:9999\n[services s3only]\ns3 =\n  endpoint_url = http://127.0.0.1:1000\n");

        using var client = SecretsManagerClientFactory.Create(WithKeys());

        Assert.Equal("http://127.0.0.1:9999", client.Resolution.Endpoint);
        Assert.Equal("endpoint_url of profile 'dev'", client.Resolution.EndpointSource);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("/relative/path")]
    public void AnInvalidEndpointUrlIsAConfigurationError(string url)
    {
        using var scope = new EnvironmentScope();

        var error = Assert.Throws<SecretsManagerConfigurationException>(() => SecretsManagerClientFactory.Create(WithKeys("us-east-1", url)));

        Assert.Contains(url, error.Message);
        Assert.Contains("EndpointUrl", error.Message);
    }

    [Fact]
    public void AnInvalidRegionNameIsAConfigurationError()
    {
        using var scope = new EnvironmentScope();

        var error = Assert.Throws<SecretsManagerConfigurationException>(() => SecretsManagerClientFactory.Create(WithKeys("us east/1")));

        Assert.Contains("'us east/1'", error.Message);
    }

    [Fact]
    public void TheResolutionDescribesSourcesWithoutSecrets()
    {
        using var scope = new EnvironmentScope();
        using var client = SecretsManagerClientFactory.Create(WithKeys("us-east-1"));

        string text = client.Resolution.ToString();

        Assert.Contains("explicit credentials (access key ****MPLE)", text);
        Assert.DoesNotContain("secret-value-never-shown", text);
        Assert.DoesNotContain("AKIDEXAMPLE", text);
    }

    [Fact]
    public void TheSdkProfilePathsCanFollowTheEnvironment()
    {
        // Guards the workaround for the SDK reading these paths once per process.
        Assert.True(SdkProfileFiles.Supported);
    }
}
