using System.Text.Json.Nodes;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Tests.Support;

namespace SecretsManager.Engine.Tests.EndToEnd;

/// <summary>
/// A PutSecretValue whose first response is lost (500), then throttled, then answered: the SDK retries with the same
/// ClientRequestToken, so exactly one version exists.
/// </summary>
[Collection(LocalServerCollection.Name)]
public class RetryEndToEndTests
{
    private const string InternalError = """{"__type":"InternalServiceError","message":"An error occurred on the server side."}""";
    private const string Throttled = """{"__type":"ThrottlingException","message":"Rate exceeded"}""";
    private readonly LocalServerFixture _local;

    public RetryEndToEndTests(LocalServerFixture local) => _local = local;

    [Fact]
    public void ARetriedPutSecretValueCreatesExactlyOneVersionWithTheTokenSentThreeTimes()
    {
        using var direct = _local.CreateClient();
        string name = LocalServerFixture.UniqueName("retry");
        direct.CreateSecret(new CreateSecretRequest { Name = name });
        using var proxy = new FaultInjectingProxy(_local.Url,
            FaultInjectingProxy.Step.ForwardThenFail(500, InternalError),
            FaultInjectingProxy.Step.Fail(400, Throttled));
        try
        {
            using var client = SecretsManagerClientFactory.Create(new SecretsManagerClientOptions
            {
                Region = "us-east-1",
                AccessKeyId = LocalServerFixture.AccessKey,
                SecretAccessKey = LocalServerFixture.SecretKey,
                EndpointUrl = proxy.Url,
            });

            var response = client.PutSecretValue(new PutSecretValueRequest { SecretId = name, SecretString = "only once" });

            Assert.Equal(3, proxy.ReceivedBodies.Count);
            var tokens = proxy.ReceivedBodies.Select(b => JsonNode.Parse(b)["ClientRequestToken"].GetValue<string>()).ToList();
            Assert.Single(tokens.Distinct());
            var versions = direct.ListSecretVersionIds(new ListSecretVersionIdsRequest { SecretId = name, IncludeDeprecated = true }).Versions;
            var version = Assert.Single(versions);
            Assert.Equal(tokens[0], version.VersionId);
            Assert.Equal(tokens[0], response.VersionId);
            Assert.Equal("only once", direct.GetSecretValue(new GetSecretValueRequest { SecretId = name }).SecretString);
        }
        finally
        {
            direct.DeleteSecret(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
        }
    }

    [Fact]
    public async Task ARetriedCreateSecretCreatesOneSecretWithOneVersion()
    {
        using var direct = _local.CreateClient();
        string name = LocalServerFixture.UniqueName("retry-create");
        using var proxy = new FaultInjectingProxy(_local.Url,
            FaultInjectingProxy.Step.ForwardThenFail(500, InternalError),
            FaultInjectingProxy.Step.Fail(400, Throttled));
        try
        {
            using var client = SecretsManagerClientFactory.Create(new SecretsManagerClientOptions
            {
                Region = "us-east-1",
                AccessKeyId = LocalServerFixture.AccessKey,
                SecretAccessKey = LocalServerFixture.SecretKey,
                EndpointUrl = proxy.Url,
            });

            var created = await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "v" });

            Assert.Equal(3, proxy.ReceivedBodies.Count);
            Assert.Single(proxy.ReceivedBodies.Select(b => JsonNode.Parse(b)["ClientRequestToken"].GetValue<string>()).Distinct());
            Assert.Equal(created.VersionId, Assert.Single(direct.ListSecretVersionIds(new ListSecretVersionIdsRequest { SecretId = name }).Versions).VersionId);
        }
        finally
        {
            direct.DeleteSecret(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
        }
    }
}
