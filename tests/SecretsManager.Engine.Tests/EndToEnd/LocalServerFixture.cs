using SecretsManager.Engine.Client;
using SecretsManager.Local;

namespace SecretsManager.Engine.Tests.EndToEnd;

/// <summary>One in-process SecretsManager.Local for a test class or collection; stopped when the tests finish.</summary>
public sealed class LocalServerFixture : IAsyncLifetime
{
    public const string AccessKey = "test";
    public const string SecretKey = "test";

    public LocalServer Server { get; private set; }

    public string Url => Server.Url;

    public async Task InitializeAsync() => Server = await LocalServer.StartAsync(new LocalServerOptions { Port = 0, AccessKey = AccessKey, SecretKey = SecretKey });

    public async Task DisposeAsync()
    {
        if (Server != null) { await Server.DisposeAsync(); }
    }

    /// <summary>A client with explicit credentials and endpoint, signing for <paramref name="region"/>.</summary>
    public ISecretsManagerClient CreateClient(string region = "us-east-1") => SecretsManagerClientFactory.Create(new SecretsManagerClientOptions
    {
        Region = region,
        AccessKeyId = AccessKey,
        SecretAccessKey = SecretKey,
        EndpointUrl = Url,
    });

    /// <summary>A name no other test uses, so tests can share the endpoint.</summary>
    public static string UniqueName(string purpose) => $"engine-e2e/{purpose}/{Guid.NewGuid():N}";
}

[CollectionDefinition(Name)]
public sealed class LocalServerCollection : ICollectionFixture<LocalServerFixture>
{
    public const string Name = "SecretsManager.Local";
}
