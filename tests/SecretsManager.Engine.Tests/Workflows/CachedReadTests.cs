using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Tests.EndToEnd;
using SecretsManager.Engine.Tests.Support;
using SecretsManager.Engine.Workflows.Caching;
using SecretsManager.Engine.Workflows.Merging;
using SecretsManager.Engine.Workflows.Reading;

namespace SecretsManager.Engine.Tests.Workflows;

/// <summary>
/// Reads through the cache against an in-process SecretsManager.Local, with the cache's clock moved by the test: the
/// age limit, the version check, the module's own writes, batches of hits and misses, -AllowStale, many readers.
/// </summary>
[Collection(LocalServerCollection.Name)]
public class CachedReadTests
{
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);
    private const string LocalRotationFunction = "arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerLocalSingleUser";
    private readonly LocalServerFixture _local;
    private DateTime _now = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public CachedReadTests(LocalServerFixture local) => _local = local;

    /// <summary>A cache on the test's clock; <paramref name="observesWrites"/> false stands for the cache of another process.</summary>
    private SecretCache NewCache(bool observesWrites = true, int capacity = SecretCache.DefaultCapacity) => new(capacity, () => _now, observesWrites);

    private string Create(ISecretsManagerClient client, string value, string purpose = "cached")
    {
        string name = LocalServerFixture.UniqueName(purpose);
        client.CreateSecret(new CreateSecretRequest { Name = name, SecretString = value });
        return name;
    }

    /// <summary>One read as one cmdlet invocation makes it: a reader of its own.</summary>
    private static SecretRead ReadOnce(ISecretsManagerClient client, string id, CachePolicy policy, string versionId = null, string versionStage = null)
    {
        var reader = new SecretValueReader(_ => client, versionId, versionStage, policy);
        return Assert.Single(reader.Add(id).Concat(reader.Complete()).ToList());
    }

    private static List<SecretRead> ReadAll(ISecretsManagerClient client, IEnumerable<string> ids, CachePolicy policy)
    {
        var reader = new SecretValueReader(_ => client, cache: policy);
        var reads = new List<SecretRead>();
        foreach (string id in ids) reads.AddRange(reader.Add(id));
        reads.AddRange(reader.Complete());
        return reads;
    }

    [Fact]
    public void ServesWithinTheAgeLimitThenChecksTheVersionInsteadOfReadingTheValueAgain()
    {
        var spy = InterceptingClient.Over(_local.CreateClient());
        string name = Create(_local.CreateClient(), "one");
        var policy = new CachePolicy(NewCache(), FiveMinutes, allowStale: false);

        var first = ReadOnce(spy.Client, name, policy);
        _now += TimeSpan.FromMinutes(4);
        var second = ReadOnce(spy.Client, name, policy);

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(TimeSpan.FromMinutes(4), second.Age);
        Assert.Equal("one", second.Value.SecretString);
        Assert.Equal(new[] { "GetSecretValue" }, spy.Calls);

        _now += TimeSpan.FromMinutes(2);
        var third = ReadOnce(spy.Client, name, policy);

        Assert.True(third.FromCache);
        Assert.Equal("one", third.Value.SecretString);
        Assert.Equal(new[] { "GetSecretValue", "DescribeSecret" }, spy.Calls);
        // Confirmed unchanged: the entry is young again.
        _now += TimeSpan.FromMinutes(4);
        Assert.True(ReadOnce(spy.Client, name, policy).FromCache);
        Assert.Equal(2, spy.Calls.Count);
    }

    [Fact]
    public void AChangeByAnotherProcessShowsOnlyAfterTheAgeLimit()
    {
        var spy = InterceptingClient.Over(_local.CreateClient());
        var elsewhere = _local.CreateClient();
        string name = Create(elsewhere, "old");
        // This process's writes don't reach this cache: the write below is another process's.
        var policy = new CachePolicy(NewCache(observesWrites: false), FiveMinutes, allowStale: false);
        Assert.Equal("old", ReadOnce(spy.Client, name, policy).Value.SecretString);

        elsewhere.PutSecretValue(new PutSecretValueRequest { SecretId = name, SecretString = "new" });
        _now += TimeSpan.FromMinutes(1);
        Assert.Equal("old", ReadOnce(spy.Client, name, policy).Value.SecretString);

        _now += FiveMinutes;
        var after = ReadOnce(spy.Client, name, policy);
        Assert.False(after.FromCache);
        Assert.Equal("new", after.Value.SecretString);
        Assert.Equal(new[] { "GetSecretValue", "DescribeSecret", "GetSecretValue" }, spy.Calls);
    }

    [Fact]
    public void AVersionCheckFromACachedDescriptionConfirmsTheValueOnlyAsOfThatDescription()
    {
        var spy = InterceptingClient.Over(_local.CreateClient());
        var elsewhere = _local.CreateClient();
        string name = Create(elsewhere, "old");
        var policy = new CachePolicy(NewCache(observesWrites: false), FiveMinutes, allowStale: false);
        ReadOnce(spy.Client, name, policy);
        _now += TimeSpan.FromMinutes(4);
        new CachedDescriber(policy).Describe(spy.Client, name);
        elsewhere.PutSecretValue(new PutSecretValueRequest { SecretId = name, SecretString = "new" });

        // The value is expired, the description 2 minutes old: the check uses it, and what it confirms is 2 minutes old.
        _now += TimeSpan.FromMinutes(2);
        var checkedRead = ReadOnce(spy.Client, name, policy);
        Assert.True(checkedRead.FromCache);
        Assert.Equal("old", checkedRead.Value.SecretString);
        Assert.Equal(TimeSpan.FromMinutes(2), checkedRead.Age);
        Assert.Equal(new[] { "GetSecretValue", "DescribeSecret" }, spy.Calls);

        // What the cache serves is never older than the age limit: the description was read more than 5 minutes ago.
        _now += TimeSpan.FromMinutes(3).Add(TimeSpan.FromSeconds(1));
        var after = ReadOnce(spy.Client, name, policy);
        Assert.False(after.FromCache);
        Assert.Equal("new", after.Value.SecretString);
        Assert.Equal(new[] { "GetSecretValue", "DescribeSecret", "DescribeSecret", "GetSecretValue" }, spy.Calls);
    }

    [Fact]
    public void AFreshReadRefreshesWhatTheCacheHolds()
    {
        var client = _local.CreateClient();
        string name = Create(client, "old");
        var cache = NewCache(observesWrites: false);
        var cached = new CachePolicy(cache, FiveMinutes, allowStale: false);
        ReadOnce(client, name, cached);
        client.PutSecretValue(new PutSecretValueRequest { SecretId = name, SecretString = "new" });

        Assert.Equal("new", ReadOnce(client, name, new CachePolicy(cache, null, allowStale: false)).Value.SecretString);
        var later = ReadOnce(client, name, cached);
        Assert.True(later.FromCache);
        Assert.Equal("new", later.Value.SecretString);
    }

    [Fact]
    public void AFreshReadDoesNotFillTheCache()
    {
        var client = _local.CreateClient();
        string name = Create(client, "v");
        var cache = NewCache();
        ReadOnce(client, name, new CachePolicy(cache, null, allowStale: false));
        Assert.Equal(0, cache.Count);
    }

    public static TheoryData<string> OwnWrites => new() { "PutSecretValue", "UpdateSecret", "UpdateSecretVersionStage", "DeleteSecret", "RestoreSecret", "TagResource", "Merge", "RotateSecret" };

    [Theory]
    [MemberData(nameof(OwnWrites))]
    public void TheModulesOwnWriteEvictsWhatItChanges(string write)
    {
        var client = _local.CreateClient();
        var spy = InterceptingClient.Over(client);
        string name = Create(client, "{\"k\":\"old\"}");
        var cache = NewCache();
        var policy = new CachePolicy(cache, FiveMinutes, allowStale: false);
        var describer = new CachedDescriber(policy);
        if (write == "RestoreSecret") client.DeleteSecret(new DeleteSecretRequest { SecretId = name, RecoveryWindowInDays = 7 });
        ReadOnce(spy.Client, name, policy);
        describer.Describe(spy.Client, name);
        // A secret scheduled for deletion has a description but no value to read.
        Assert.Equal(write == "RestoreSecret" ? 1 : 2, cache.Count);

        string expected;
        switch (write)
        {
            case "PutSecretValue": client.PutSecretValue(new PutSecretValueRequest { SecretId = name, SecretString = "put" }); expected = "put"; break;
            case "UpdateSecret": client.UpdateSecret(new UpdateSecretRequest { SecretId = name, SecretString = "updated" }); expected = "updated"; break;
            case "UpdateSecretVersionStage":
                string previous = client.DescribeSecret(new DescribeSecretRequest { SecretId = name }).VersionIdsToStages.Keys.Single();
                client.PutSecretValue(new PutSecretValueRequest { SecretId = name, SecretString = "second" });
                ReadOnce(spy.Client, name, policy);
                string current = client.DescribeSecret(new DescribeSecretRequest { SecretId = name }).VersionIdsToStages.Single(v => v.Value.Contains(StagingLabels.Current)).Key;
                client.UpdateSecretVersionStage(new UpdateSecretVersionStageRequest { SecretId = name, VersionStage = StagingLabels.Current, MoveToVersionId = previous, RemoveFromVersionId = current });
                expected = "{\"k\":\"old\"}";
                break;
            case "DeleteSecret": client.DeleteSecret(new DeleteSecretRequest { SecretId = name, RecoveryWindowInDays = 7 }); expected = null; break;
            case "RestoreSecret": client.RestoreSecret(new RestoreSecretRequest { SecretId = name }); expected = "{\"k\":\"old\"}"; break;
            case "TagResource": client.TagResource(new TagResourceRequest { SecretId = name, Tags = new List<Tag> { new Tag { Key = "env", Value = "prod" } } }); expected = "{\"k\":\"old\"}"; break;
            case "Merge": SecretValueMerger.Merge(client, name, new System.Collections.Hashtable { ["k"] = "merged" }); expected = "{\"k\":\"merged\"}"; break;
            case "RotateSecret":
                client.RotateSecret(new RotateSecretRequest { SecretId = name, RotationLambdaARN = LocalRotationFunction });
                // Evicted at the call; the service finishes the rotation later, and a read then gets what it left current.
                Assert.Equal(0, cache.Count);
                _local.Server.WhenRotationsIdleAsync().GetAwaiter().GetResult();
                expected = client.GetSecretValue(new GetSecretValueRequest { SecretId = name }).SecretString;
                break;
            default: throw new ArgumentOutOfRangeException(nameof(write));
        }

        Assert.Equal(0, cache.Count);
        int readsBefore = spy.Count("GetSecretValue");
        var read = ReadOnce(spy.Client, name, policy);
        Assert.False(read.FromCache);
        Assert.Equal(readsBefore + 1, spy.Count("GetSecretValue"));
        if (expected == null) Assert.Equal("InvalidRequestException", read.Error.ErrorCode);
        else Assert.Equal(expected, read.Value.SecretString);
        if (write == "TagResource") Assert.Contains(describer.Describe(spy.Client, name).Response.Tags, t => t.Key == "env");
    }

    [Fact]
    public void KeepsRegionsStagesAndVersionIdsApart()
    {
        var east = InterceptingClient.Over(_local.CreateClient("us-east-1"));
        var west = InterceptingClient.Over(_local.CreateClient("us-west-2"));
        string name = LocalServerFixture.UniqueName("regions");
        _local.CreateClient("us-east-1").CreateSecret(new CreateSecretRequest { Name = name, SecretString = "east one" });
        _local.CreateClient("us-west-2").CreateSecret(new CreateSecretRequest { Name = name, SecretString = "west" });
        var policy = new CachePolicy(NewCache(observesWrites: false), FiveMinutes, allowStale: false);

        Assert.Equal("east one", ReadOnce(east.Client, name, policy).Value.SecretString);
        Assert.Equal("west", ReadOnce(west.Client, name, policy).Value.SecretString);
        string firstVersion = ReadOnce(east.Client, name, policy).Value.VersionId;
        // Not seen by this cache (another process's write): AWSCURRENT stays cached, AWSPREVIOUS is a key of its own.
        _local.CreateClient("us-east-1").PutSecretValue(new PutSecretValueRequest { SecretId = name, SecretString = "east two" });

        Assert.Equal("east one", ReadOnce(east.Client, name, policy, versionStage: StagingLabels.Current).Value.SecretString);
        Assert.Equal("east one", ReadOnce(east.Client, name, policy, versionStage: StagingLabels.Previous).Value.SecretString);
        Assert.Equal("east one", ReadOnce(east.Client, name, policy, versionId: firstVersion).Value.SecretString);
        Assert.Equal(1, west.Count("GetSecretValue"));
        // AWSCURRENT once, AWSPREVIOUS once, the version id once: three keys.
        Assert.Equal(3, east.Count("GetSecretValue"));
    }

    [Fact]
    public void ClientsWithOtherCredentialsAreOtherPartitions()
    {
        var options = new SecretsManagerClientOptions { Region = "us-east-1", AccessKeyId = "AKIAONE", SecretAccessKey = "x", EndpointUrl = _local.Url };
        var one = SecretsManagerClientFactory.Create(options);
        options.AccessKeyId = "AKIATWO";
        var two = SecretsManagerClientFactory.Create(options);
        options.AccessKeyId = "AKIAONE";
        options.SecretAccessKey = "another secret of the same key id";
        var sameKey = SecretsManagerClientFactory.Create(options);

        Assert.NotEqual(CachePartition.Of(one), CachePartition.Of(two));
        Assert.Equal(CachePartition.Of(one), CachePartition.Of(sameKey));
        Assert.DoesNotContain("AKIAONE", CachePartition.Of(one).CredentialIdentity);
    }

    [Fact]
    public void AValueReadByVersionIdIsServedAtAnyAge()
    {
        var spy = InterceptingClient.Over(_local.CreateClient());
        string name = Create(_local.CreateClient(), "fixed");
        string version = _local.CreateClient().GetSecretValue(new GetSecretValueRequest { SecretId = name }).VersionId;
        var policy = new CachePolicy(NewCache(), TimeSpan.FromSeconds(1), allowStale: false);
        ReadOnce(spy.Client, name, policy, versionId: version);
        _now += TimeSpan.FromDays(30);
        var read = ReadOnce(spy.Client, name, policy, versionId: version);
        Assert.True(read.FromCache);
        Assert.Equal("fixed", read.Value.SecretString);
        Assert.Equal(new[] { "GetSecretValue" }, spy.Calls);
    }

    [Fact]
    public void ABatchFetchesOnlyTheMissesAndKeepsTheInputOrder()
    {
        var client = _local.CreateClient();
        var batched = new List<List<string>>();
        var spy = InterceptingClient.Over(client).On<BatchGetSecretValueRequest, BatchGetSecretValueResponse>("BatchGetSecretValue", request =>
        {
            batched.Add(request.SecretIdList.ToList());
            return client.BatchGetSecretValue(request);
        });
        var names = Enumerable.Range(0, 16).Select(i => Create(client, $"value {i}", $"batch{i}")).ToList();
        var policy = new CachePolicy(NewCache(), FiveMinutes, allowStale: false);
        var warm = names.Take(8).ToList();
        ReadAll(spy.Client, warm, policy);
        batched.Clear();

        // Hits and misses interleaved, a miss repeated: hit, miss, hit, miss, ..., then the first miss again.
        var ids = Enumerable.Range(0, 8).SelectMany(i => new[] { names[i], names[8 + i] }).Append(names[8]).ToList();
        var reads = ReadAll(spy.Client, ids, policy);

        Assert.Equal(ids, reads.Select(r => r.RequestedId));
        Assert.All(reads, r => Assert.Equal($"value {names.IndexOf(r.RequestedId)}", r.Value.SecretString));
        Assert.All(reads.Where(r => warm.Contains(r.RequestedId)), r => Assert.True(r.FromCache));
        // Each miss fetched once, no hit fetched, in as few batches as the order allows.
        Assert.Equal(names.Skip(8).OrderBy(n => n), batched.SelectMany(b => b).OrderBy(n => n));
        Assert.Single(batched);
    }

    [Fact]
    public void AThousandReadsOfTenSecretsMakeOneRequestWhenBatched()
    {
        var client = _local.CreateClient();
        var spy = InterceptingClient.Over(client);
        var names = Enumerable.Range(0, 10).Select(i => Create(client, $"value {i}", $"thousand{i}")).ToList();
        var policy = new CachePolicy(NewCache(), FiveMinutes, allowStale: false);
        var ids = Enumerable.Range(0, 1000).Select(i => names[i % 10]).ToList();

        var reads = ReadAll(spy.Client, ids, policy);

        Assert.Equal(ids, reads.Select(r => r.RequestedId));
        Assert.All(reads, r => Assert.Equal($"value {names.IndexOf(r.RequestedId)}", r.Value.SecretString));
        Assert.Equal(new[] { "BatchGetSecretValue" }, spy.Calls);
    }

    [Fact]
    public void AllowStaleServesAnExpiredValueWhenTheEndpointCannotBeReached()
    {
        var client = _local.CreateClient();
        string name = Create(client, "last known");
        var cache = NewCache();
        var warm = new CachePolicy(cache, TimeSpan.FromMinutes(1), allowStale: false);
        ReadOnce(client, name, warm);
        var down = new SecretsManagerConnectionException("Secrets Manager at http://127.0.0.1:9 could not be reached: connection refused.");
        var spy = InterceptingClient.Over(client)
            .On<DescribeSecretRequest, DescribeSecretResponse>("DescribeSecret", _ => throw down)
            .On<GetSecretValueRequest, GetSecretValueResponse>("GetSecretValue", _ => throw down);
        _now += TimeSpan.FromMinutes(2);

        Assert.Throws<SecretsManagerConnectionException>(() => ReadOnce(spy.Client, name, warm));

        var stale = ReadOnce(spy.Client, name, new CachePolicy(cache, TimeSpan.FromMinutes(1), allowStale: true));
        Assert.Equal("last known", stale.Value.SecretString);
        Assert.Same(down, stale.StaleBecause);
        Assert.Equal(TimeSpan.FromMinutes(2), stale.Age);

        // Backing off: the next read within a second is served without a request.
        int calls = spy.Calls.Count;
        var again = ReadOnce(spy.Client, name, new CachePolicy(cache, TimeSpan.FromMinutes(1), allowStale: true));
        Assert.NotNull(again.StaleBecause);
        Assert.Equal(calls, spy.Calls.Count);

        // Nothing cached for an id: it is reported unreachable rather than thrown, so the ids before it are served.
        var unknown = ReadOnce(spy.Client, LocalServerFixture.UniqueName("never-read"), new CachePolicy(cache, TimeSpan.FromMinutes(1), allowStale: true));
        Assert.Same(down, unknown.Unreachable);

        // The endpoint answers again after the back-off: a fresh read.
        spy.Restore("DescribeSecret");
        spy.Restore("GetSecretValue");
        _now += TimeSpan.FromSeconds(2);
        var back = ReadOnce(spy.Client, name, new CachePolicy(cache, TimeSpan.FromMinutes(1), allowStale: true));
        Assert.Null(back.StaleBecause);
        Assert.Equal("last known", back.Value.SecretString);
    }

    [Fact]
    public void AllowStaleCoversThrottlingButNeverARefusalAboutTheSecret()
    {
        var client = _local.CreateClient();
        var names = new[] { Create(client, "a"), Create(client, "b") };
        var cache = NewCache();
        var policy = new CachePolicy(cache, TimeSpan.FromMinutes(1), allowStale: true);
        ReadAll(client, names, policy);
        _now += TimeSpan.FromMinutes(2);
        var throttled = InterceptingClient.Over(client).On<BatchGetSecretValueRequest, BatchGetSecretValueResponse>("BatchGetSecretValue",
            _ => throw new SecretsManagerServiceException("ThrottlingException", "Rate exceeded", 400, null));
        var reads = ReadAll(throttled.Client, names, policy);
        Assert.All(reads, r => Assert.Equal("ThrottlingException", ((SecretsManagerServiceException)r.StaleBecause).ErrorCode));
        Assert.Equal(new[] { "a", "b" }, reads.Select(r => r.Value.SecretString));

        _now += TimeSpan.FromMinutes(5);
        var denied = InterceptingClient.Over(client)
            .On<DescribeSecretRequest, DescribeSecretResponse>("DescribeSecret", _ => throw new SecretsManagerServiceException("AccessDeniedException", "denied", 400, null))
            .On<GetSecretValueRequest, GetSecretValueResponse>("GetSecretValue", _ => throw new SecretsManagerServiceException("AccessDeniedException", "denied", 400, null));
        var refused = ReadOnce(denied.Client, names[0], policy);
        Assert.Equal("AccessDeniedException", refused.Error.ErrorCode);
        Assert.Null(refused.Value);
        // The refusal dropped the entry: no later read is served from it.
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void ManyReadersShareTheCache()
    {
        var client = _local.CreateClient();
        var spy = InterceptingClient.Over(client);
        var names = Enumerable.Range(0, 5).Select(i => Create(client, $"value {i}", $"concurrent{i}")).ToList();
        var policy = new CachePolicy(NewCache(), FiveMinutes, allowStale: false);
        var wrong = new System.Collections.Concurrent.ConcurrentBag<string>();

        Parallel.For(0, 8, worker =>
        {
            for (int i = 0; i < 200; i++)
            {
                string name = names[(worker + i) % names.Count];
                var read = ReadOnce(spy.Client, name, policy);
                if (read.Value?.SecretString != $"value {names.IndexOf(name)}") wrong.Add($"{name}: {read}");
            }
        });

        Assert.Empty(wrong);
        // At worst every reader misses every secret once before the first answer is stored.
        Assert.InRange(spy.Calls.Count, names.Count, 8 * names.Count);
    }
}
