using SecretsManager.Engine.Client;
using SecretsManager.Local;

namespace SecretsManager.Engine.Tests.EndToEnd;

/// <summary>Two in-process SecretsManager.Local endpoints playing two AWS accounts, for copies between them.</summary>
public sealed class TwoAccountsFixture : IAsyncLifetime
{
    public const string SourceAccount = "111111111111";
    public const string DestinationAccount = "222222222222";

    public LocalServer Source { get; private set; }

    public LocalServer Destination { get; private set; }

    public async Task InitializeAsync()
    {
        Source = await LocalServer.StartAsync(new LocalServerOptions { Port = 0, AccountId = SourceAccount });
        Destination = await LocalServer.StartAsync(new LocalServerOptions { Port = 0, AccountId = DestinationAccount });
    }

    public async Task DisposeAsync()
    {
        if (Source != null) { await Source.DisposeAsync(); }
        if (Destination != null) { await Destination.DisposeAsync(); }
    }

    public ISecretsManagerClient SourceClient(string region = "us-east-1") => Client(Source, region);

    public ISecretsManagerClient DestinationClient(string region = "us-east-1") => Client(Destination, region);

    private static ISecretsManagerClient Client(LocalServer server, string region) => SecretsManagerClientFactory.Create(new SecretsManagerClientOptions
    {
        Region = region,
        AccessKeyId = LocalServerFixture.AccessKey,
        SecretAccessKey = LocalServerFixture.SecretKey,
        EndpointUrl = server.Url,
    });
}

[CollectionDefinition(Name)]
public sealed class TwoAccountsCollection : ICollectionFixture<TwoAccountsFixture>
{
    public const string Name = "Two SecretsManager.Local accounts";
}
