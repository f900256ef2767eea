using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Tests.EndToEnd;
using SecretsManager.Engine.Tests.Support;
using SecretsManager.Engine.Workflows.Copying;
using SecretsManager.Local;

namespace SecretsManager.Engine.Tests.Workflows.Copying;

/// <summary>
/// The source's own account reached with other credentials: only the ARNs tell, so the copy is refused after the
/// listings and before any write. Sets AWS_* variables, so it runs alone.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public class CopyPlacesTests
{
    [Fact]
    public async Task RefusesTheSourcesAccountBehindOtherCredentialsBeforeAnyWrite()
    {
        await using var server = await LocalServer.StartAsync(new LocalServerOptions { Port = 0 });
        using var scope = new EnvironmentScope(new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = LocalServerFixture.AccessKey,
            ["AWS_SECRET_ACCESS_KEY"] = LocalServerFixture.SecretKey,
        });
        var source = SecretsManagerClientFactory.Create(new SecretsManagerClientOptions
        {
            Region = "us-east-1", AccessKeyId = LocalServerFixture.AccessKey, SecretAccessKey = LocalServerFixture.SecretKey, EndpointUrl = server.Url,
        });
        // The same keys by another way (the environment) are the same credentials: refused before anything is read.
        var sameKeys = SecretsManagerClientFactory.Create(new SecretsManagerClientOptions { Region = "us-east-1", EndpointUrl = server.Url });
        Assert.Equal(CopyRefusedException.DestinationIsSource,
            Assert.Throws<CopyRefusedException>(() => SourceFinder.ByIds(new[] { "places/app" }, _ => source, sameKeys)).ErrorCode);
        // A profile is told apart from explicit keys only by its source (its keys are known only when it is used).
        scope.WriteCredentials($"[other]\naws_access_key_id = {LocalServerFixture.AccessKey}\naws_secret_access_key = {LocalServerFixture.SecretKey}\n");
        var destination = InterceptingClient.Over(SecretsManagerClientFactory.Create(new SecretsManagerClientOptions { Region = "us-east-1", EndpointUrl = server.Url, ProfileName = "other" }));
        source.CreateSecret(new CreateSecretRequest { Name = "places/app", SecretString = "v" });

        // Other credentials: not refused before reading...
        var sources = SourceFinder.ByIds(new[] { "places/app" }, _ => source, destination.Client);
        // ...but the copy would land in the same account: refused before it writes, the names mapped elsewhere or not.
        var e = Assert.Throws<CopyRefusedException>(() => new CopyPlanner(destination.Client, new CopyOptions())
            .Plan(sources, new Dictionary<string, string> { ["places/app"] = "places/copy" }));
        Assert.Equal(CopyRefusedException.DestinationIsSource, e.ErrorCode);
        Assert.Contains("in account 123456789012", e.Message);
        Assert.All(destination.Calls, c => Assert.Contains(c, CopyTestBase.ReadOperations));
    }
}
