using Amazon.Runtime;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Internal;
using SecretsManager.Engine.Tests.Support;

namespace SecretsManager.Engine.Tests.Resolution;

/// <summary>Standard and adaptive retries come from the SDK, configured as in every AWS SDK (environment or profile).</summary>
[Collection(ProcessStateCollection.Name)]
public class RetrySettingsTests
{
    private static ClientConfig BuildConfig(SecretsManagerClientOptions options)
    {
        ClientConfig captured = null;
        using var client = ClientBuilder.Build(options, ownedByCache: false, config => captured = config);
        return captured;
    }

    private static SecretsManagerClientOptions Options(string profile = null) => new()
    {
        Region = "us-east-1",
        AccessKeyId = "AKID",
        SecretAccessKey = "s",
        EndpointUrl = "http://127.0.0.1:1",
        ProfileName = profile,
    };

    [Fact]
    public void TheDefaultIsStandardRetries()
    {
        using var scope = new EnvironmentScope();

        Assert.Equal(RequestRetryMode.Standard, BuildConfig(Options()).RetryMode);
    }

    [Fact]
    public void AwsRetryModeAndAwsMaxAttemptsAreHonoured()
    {
        using var scope = new EnvironmentScope(new Dictionary<string, string> { ["AWS_RETRY_MODE"] = "adaptive", ["AWS_MAX_ATTEMPTS"] = "7" });

        var config = BuildConfig(Options());

        Assert.Equal(RequestRetryMode.Adaptive, config.RetryMode);
        Assert.Equal(6, config.MaxErrorRetry);
    }

    [Fact]
    public void TheProfilesRetryModeIsHonoured()
    {
        using var scope = new EnvironmentScope(new Dictionary<string, string> { ["AWS_RETRY_MODE"] = null, ["AWS_MAX_ATTEMPTS"] = null });
        scope.WriteConfig("[profile patient]\nretry_mode = adaptive\nmax_attempts = 5\n");

        var config = BuildConfig(Options("patient"));

        Assert.Equal(RequestRetryMode.Adaptive, config.RetryMode);
        Assert.Equal(4, config.MaxErrorRetry);
    }
}
