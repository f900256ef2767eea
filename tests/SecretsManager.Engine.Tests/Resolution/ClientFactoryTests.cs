using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Tests.Support;

namespace SecretsManager.Engine.Tests.Resolution;

/// <summary>Client creation and the per-options cache.</summary>
[Collection(ProcessStateCollection.Name)]
public class ClientFactoryTests
{
    private static SecretsManagerClientOptions Options(string region = "us-east-1") => new()
    {
        Region = region,
        AccessKeyId = "AKIDEXAMPLE",
        SecretAccessKey = "secret",
        EndpointUrl = "http://127.0.0.1:1",
    };

    [Fact]
    public void OptionsWithTheSameValuesAreEqualAndHashAlike()
    {
        Assert.Equal(Options(), Options());
        Assert.Equal(Options().GetHashCode(), Options().GetHashCode());
        Assert.NotEqual(Options("us-east-1"), Options("us-east-2"));
        var fips = Options();
        fips.UseFipsEndpoint = true;
        Assert.NotEqual(Options(), fips);
    }

    [Fact]
    public void GetOrCreateReturnsOneClientPerDistinctOptions()
    {
        using var scope = new EnvironmentScope();

        var first = SecretsManagerClientFactory.GetOrCreate(Options());
        var again = SecretsManagerClientFactory.GetOrCreate(Options());
        var other = SecretsManagerClientFactory.GetOrCreate(Options("eu-west-1"));

        Assert.Same(first, again);
        Assert.NotSame(first, other);
    }

    [Fact]
    public void ChangingTheOptionsObjectLaterDoesNotChangeTheCachedClient()
    {
        using var scope = new EnvironmentScope();
        var options = Options("ap-south-1");
        var client = SecretsManagerClientFactory.GetOrCreate(options);

        options.Region = "ap-south-2";

        Assert.Equal("ap-south-1", client.Resolution.Region);
        Assert.NotSame(client, SecretsManagerClientFactory.GetOrCreate(options));
    }

    [Fact]
    public void ChangingTheEnvironmentGivesAFreshClient()
    {
        using var scope = new EnvironmentScope(new Dictionary<string, string> { ["AWS_REGION"] = "eu-west-1" });
        var options = new SecretsManagerClientOptions { AccessKeyId = "AKID", SecretAccessKey = "s", EndpointUrl = "http://127.0.0.1:1" };
        var first = SecretsManagerClientFactory.GetOrCreate(options);

        Environment.SetEnvironmentVariable("AWS_REGION", "eu-west-2");
        var second = SecretsManagerClientFactory.GetOrCreate(options);

        Assert.Equal("eu-west-1", first.Resolution.Region);
        Assert.Equal("eu-west-2", second.Resolution.Region);
    }

    [Fact]
    public void DisposingACachedClientLeavesItUsableForOtherCallers()
    {
        using var scope = new EnvironmentScope();
        var cached = SecretsManagerClientFactory.GetOrCreate(Options("me-south-1"));

        cached.Dispose();

        // Still usable: the call fails only because nothing listens on port 1, not because it was disposed.
        Assert.Throws<SecretsManagerConnectionException>(() => cached.ListSecrets(new ListSecretsRequest()));
    }

    [Fact]
    public void AnOwnedClientCannotBeUsedAfterDispose()
    {
        using var scope = new EnvironmentScope();
        var client = SecretsManagerClientFactory.Create(Options());

        client.Dispose();

        Assert.Throws<ObjectDisposedException>(() => client.ListSecrets(new ListSecretsRequest()));
    }

    [Fact]
    public void AFailedCreationIsNotCached()
    {
        using var scope = new EnvironmentScope();
        var options = new SecretsManagerClientOptions { AccessKeyId = "AKID", SecretAccessKey = "s" };

        Assert.Throws<SecretsManagerConfigurationException>(() => SecretsManagerClientFactory.GetOrCreate(options));
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        Assert.Equal("us-east-1", SecretsManagerClientFactory.GetOrCreate(options).Resolution.Region);
    }
}
