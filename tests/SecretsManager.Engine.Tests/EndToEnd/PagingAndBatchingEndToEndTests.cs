using SecretsManager.Engine.Model;
using SecretsManager.Engine.Tests.Support;
using SecretsManager.Engine.Workflows.Reading;

namespace SecretsManager.Engine.Tests.EndToEnd;

/// <summary>The paging and batching helpers against SecretsManager.Local.</summary>
[Collection(LocalServerCollection.Name)]
public class PagingAndBatchingEndToEndTests
{
    private readonly LocalServerFixture _local;

    public PagingAndBatchingEndToEndTests(LocalServerFixture local) => _local = local;

    [Fact]
    public void ListSecretsAllPagesThroughMoreThan100Secrets()
    {
        using var client = _local.CreateClient();
        string prefix = LocalServerFixture.UniqueName("paging");
        var names = Enumerable.Range(0, 105).Select(i => $"{prefix}/{i:D3}").ToList();
        foreach (string name in names) { client.CreateSecret(new CreateSecretRequest { Name = name }); }
        try
        {
            var filter = new List<Filter> { new() { Key = "name", Values = new() { prefix } } };

            // The service returns at most 100 per page: more than one page is needed.
            var firstPage = client.ListSecrets(new ListSecretsRequest { Filters = filter });
            Assert.NotNull(firstPage.NextToken);
            Assert.True(firstPage.SecretList.Count <= 100);

            var request = new ListSecretsRequest { Filters = filter, MaxResults = 30 };
            var all = client.ListSecretsAll(request).Select(s => s.Name).ToList();

            Assert.Equal(names, all.OrderBy(n => n, StringComparer.Ordinal));
            Assert.Null(request.NextToken);
        }
        finally
        {
            foreach (string name in names) { client.DeleteSecret(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true }); }
        }
    }

    [Fact]
    public void ListSecretVersionIdsAllReturnsEveryVersion()
    {
        using var client = _local.CreateClient();
        string name = LocalServerFixture.UniqueName("versions");
        client.CreateSecret(new CreateSecretRequest { Name = name, SecretString = "v0" });
        try
        {
            for (int i = 1; i <= 4; i++) { client.PutSecretValue(new PutSecretValueRequest { SecretId = name, SecretString = "v" + i, VersionStages = new() { "L" + i } }); }

            var versions = client.ListSecretVersionIdsAll(new ListSecretVersionIdsRequest { SecretId = name, MaxResults = 2 }).ToList();

            Assert.Equal(5, versions.Count);
            Assert.Equal(5, versions.Select(v => v.VersionId).Distinct().Count());
        }
        finally
        {
            client.DeleteSecret(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
        }
    }

    [Fact]
    public void TheReaderFetches45IdsInChunksOfAtMost20InOrder()
    {
        using var client = _local.CreateClient();
        string prefix = LocalServerFixture.UniqueName("batch");
        var names = Enumerable.Range(0, 45).Select(i => $"{prefix}/{i:D2}").ToList();
        foreach (string name in names) { client.CreateSecret(new CreateSecretRequest { Name = name, SecretString = "value-" + name }); }
        try
        {
            // The pages the reader's batches get, as the endpoint answered them.
            var pages = new List<BatchGetSecretValueResponse>();
            var spy = InterceptingClient.Over(client).On<BatchGetSecretValueRequest, BatchGetSecretValueResponse>("BatchGetSecretValue", request =>
            {
                var page = client.BatchGetSecretValue(request);
                pages.Add(page);
                return page;
            });
            var reader = new SecretValueReader(_ => spy.Client);
            var reads = names.SelectMany(reader.Add).ToList();
            reads.AddRange(reader.Complete());

            Assert.Equal(3, pages.Count);
            Assert.Equal(new[] { 20, 20, 5 }, pages.Select(p => p.SecretValues.Count));
            var values = pages.SelectMany(p => p.SecretValues).ToList();
            Assert.Equal(names, values.Select(v => v.Name));
            Assert.All(values, v => Assert.Equal("value-" + v.Name, v.SecretString));
            Assert.All(pages, p => Assert.Empty(p.Errors ?? new List<APIErrorType>()));
            Assert.Equal(names, reads.Select(r => r.Value.Name));
        }
        finally
        {
            foreach (string name in names) { client.DeleteSecret(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true }); }
        }
    }

    [Fact]
    public void BatchGetSecretValueAllByFilterFollowsNextToken()
    {
        using var client = _local.CreateClient();
        string prefix = LocalServerFixture.UniqueName("batch-filter");
        var names = Enumerable.Range(0, 25).Select(i => $"{prefix}/{i:D2}").ToList();
        foreach (string name in names) { client.CreateSecret(new CreateSecretRequest { Name = name, SecretString = "v" }); }
        try
        {
            var pages = client.BatchGetSecretValueAll(new List<Filter> { new() { Key = "name", Values = new() { prefix } } }).ToList();

            Assert.True(pages.Count >= 2, $"expected several pages, got {pages.Count}");
            Assert.Equal(names, pages.SelectMany(p => p.SecretValues).Select(v => v.Name).OrderBy(n => n, StringComparer.Ordinal));
        }
        finally
        {
            foreach (string name in names) { client.DeleteSecret(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true }); }
        }
    }
}
