using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Tests.EndToEnd;
using SecretsManager.Engine.Tests.Support;
using SecretsManager.Engine.Workflows.Reading;

namespace SecretsManager.Engine.Tests.Workflows;

[Collection(LocalServerCollection.Name)]
public class SecretValueReaderTests
{
    private readonly LocalServerFixture _local;

    public SecretValueReaderTests(LocalServerFixture local) => _local = local;

    private List<string> Create(ISecretsManagerClient client, int count)
    {
        var names = Enumerable.Range(0, count).Select(i => LocalServerFixture.UniqueName($"reader{i}")).ToList();
        foreach (string name in names) { client.CreateSecret(new CreateSecretRequest { Name = name, SecretString = "value of " + name }); }
        return names;
    }

    private static List<SecretRead> ReadAll(SecretValueReader reader, IEnumerable<string> ids)
    {
        var reads = new List<SecretRead>();
        foreach (string id in ids) { reads.AddRange(reader.Add(id)); }
        reads.AddRange(reader.Complete());
        return reads;
    }

    [Fact]
    public void ReadsInBatchesOfTwentyAndKeepsTheInputOrderWithErrorsInPlace()
    {
        var spy = InterceptingClient.Over(_local.CreateClient());
        var names = Create(_local.CreateClient(), 25);
        string missing = LocalServerFixture.UniqueName("missing");
        var ids = names.Take(3).Append(missing).Concat(names.Skip(3)).ToList();

        var reads = ReadAll(new SecretValueReader(_ => spy.Client), ids);

        Assert.Equal(ids, reads.Select(r => r.RequestedId));
        Assert.Equal("ResourceNotFoundException", reads[3].Error.ErrorCode);
        Assert.All(reads.Where(r => r.RequestedId != missing), r => Assert.Equal("value of " + r.RequestedId, r.Value.SecretString));
        // 26 ids: one full batch of 20, then a batch of 6.
        Assert.Equal(2, spy.Count("BatchGetSecretValue"));
        Assert.Equal(0, spy.Count("GetSecretValue"));
    }

    [Fact]
    public void HandsBackAFullBatchAsSoonAsItIsRead()
    {
        var names = Create(_local.CreateClient(), 21);
        var client = _local.CreateClient();
        var reader = new SecretValueReader(_ => client);
        var early = names.Take(19).SelectMany(reader.Add).ToList();
        Assert.Empty(early);
        Assert.Equal(20, reader.Add(names[19]).Count);
        Assert.Empty(reader.Add(names[20]));
        Assert.Equal(names[20], Assert.Single(reader.Complete()).RequestedId);
    }

    [Fact]
    public void ReadsALoneIdWithGetSecretValue()
    {
        var spy = InterceptingClient.Over(_local.CreateClient());
        var name = Create(_local.CreateClient(), 1).Single();
        var read = Assert.Single(ReadAll(new SecretValueReader(_ => spy.Client), new[] { name }));
        Assert.Equal("value of " + name, read.Value.SecretString);
        Assert.Equal(new[] { "GetSecretValue" }, spy.Calls);
    }

    [Fact]
    public void ReadsEveryIdWithGetSecretValueWhenAStageIsAsked()
    {
        var spy = InterceptingClient.Over(_local.CreateClient());
        var names = Create(_local.CreateClient(), 3);
        var reads = ReadAll(new SecretValueReader(_ => spy.Client, versionStage: "AWSCURRENT"), names);
        Assert.Equal(names, reads.Select(r => r.RequestedId));
        Assert.Equal(3, spy.Count("GetSecretValue"));
        Assert.Equal(0, spy.Count("BatchGetSecretValue"));
    }

    [Fact]
    public void ReadsIdByIdWhenTheBatchIsRefusedAsAWhole()
    {
        var spy = InterceptingClient.Over(_local.CreateClient())
            .On<BatchGetSecretValueRequest, BatchGetSecretValueResponse>("BatchGetSecretValue",
                _ => throw new SecretsManagerServiceException("AccessDeniedException", "not allowed to batch", 400, null));
        var names = Create(_local.CreateClient(), 4);
        CallNotices.Prepare();
        var reads = ReadAll(new SecretValueReader(_ => spy.Client), names);
        Assert.Equal(names, reads.Select(r => r.RequestedId));
        Assert.All(reads, r => Assert.NotNull(r.Value));
        Assert.Equal(4, spy.Count("GetSecretValue"));
        Assert.Contains(CallNotices.Take(), n => n.StartsWith("BatchGetSecretValue failed (AccessDeniedException); reading the 4 secrets one by one", StringComparison.Ordinal));
    }

    [Fact]
    public void ThrowsRefusedCredentialsAtOnceWithoutReadingIdById()
    {
        var spy = InterceptingClient.Over(_local.CreateClient())
            .On<BatchGetSecretValueRequest, BatchGetSecretValueResponse>("BatchGetSecretValue",
                _ => throw new SecretsManagerServiceException("UnrecognizedClientException", "unknown key", 403, null));
        var names = Create(_local.CreateClient(), 3);
        var reader = new SecretValueReader(_ => spy.Client);
        foreach (string name in names) { reader.Add(name); }
        var thrown = Assert.Throws<SecretsManagerServiceException>(() => reader.Complete());
        Assert.True(thrown.RejectsCredentials);
        Assert.Equal(0, spy.Count("GetSecretValue"));
    }

    [Fact]
    public void StartsANewBatchWhenAnIdNeedsAnotherClient()
    {
        var east = InterceptingClient.Over(_local.CreateClient("us-east-1"));
        var west = InterceptingClient.Over(_local.CreateClient("us-west-2"));
        var eastNames = Create(_local.CreateClient("us-east-1"), 2);
        var westNames = Create(_local.CreateClient("us-west-2"), 2);
        var ids = eastNames.Concat(westNames).ToList();
        var reads = ReadAll(new SecretValueReader(id => westNames.Contains(id) ? west.Client : east.Client), ids);
        Assert.Equal(ids, reads.Select(r => r.RequestedId));
        Assert.All(reads, r => Assert.NotNull(r.Value));
        Assert.Equal(1, east.Count("BatchGetSecretValue"));
        Assert.Equal(1, west.Count("BatchGetSecretValue"));
    }

    [Fact]
    public void ReadsByFilterPageByPage()
    {
        string prefix = LocalServerFixture.UniqueName("filter");
        var client = _local.CreateClient();
        foreach (int i in Enumerable.Range(0, 3)) { client.CreateSecret(new CreateSecretRequest { Name = $"{prefix}/{i}", SecretString = "v" }); }
        var reads = SecretValueReader.ByFilter(client, new List<Filter> { new Filter { Key = "name", Values = new List<string> { prefix } } }).ToList();
        Assert.Equal(3, reads.Count);
        Assert.All(reads, r => Assert.Equal("v", r.Value.SecretString));
    }
}
