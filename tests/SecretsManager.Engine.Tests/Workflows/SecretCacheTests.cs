using System.Reflection;
using System.Text;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Workflows.Caching;

namespace SecretsManager.Engine.Tests.Workflows;

/// <summary>The store on its own: keys, aliases, the LRU bound, eviction, protection, and many threads at once.</summary>
public class SecretCacheTests
{
    private static readonly CachePartition East = new("http://127.0.0.1:4566", "us-east-1", "key:AAAA");
    private const string Arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-AbCdEf";
    private static readonly string Current = SecretCache.SelectorFor(null, null);

    private static GetSecretValueResponse Answer(string arn, string name, string value, string versionId = "v1", params string[] stages) => new()
    {
        ARN = arn,
        Name = name,
        VersionId = versionId,
        SecretString = value,
        VersionStages = (stages.Length == 0 ? new[] { StagingLabels.Current } : stages).ToList(),
        CreatedDate = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc),
    };

    private static void Put(SecretCache cache, CachePartition partition, string requestedId, string selector, GetSecretValueResponse answer) =>
        Assert.True(cache.Store(partition, requestedId, selector, CachedValue.From(answer, cache.UtcNow), cache.Generation));

    private static string ValueOf(SecretCache cache, CachePartition partition, string id, string selector) =>
        (cache.Find(partition, id, selector) as CachedValue)?.ToResponse().SecretString;

    [Fact]
    public void AReadByNameAndOneByArnShareOneEntry()
    {
        var cache = new SecretCache();
        Put(cache, East, "app/db", Current, Answer(Arn, "app/db", "s3cret"));

        Assert.Equal("s3cret", ValueOf(cache, East, Arn, Current));
        Assert.Equal("s3cret", ValueOf(cache, East, "app/db", Current));
        Assert.Equal(1, cache.Count);

        // The other way round: first by ARN, then by the name the answer gave.
        var other = new SecretCache();
        Put(other, East, Arn, Current, Answer(Arn, "app/db", "s3cret"));
        Assert.Equal("s3cret", ValueOf(other, East, "app/db", Current));
    }

    [Fact]
    public void KeepsRegionsCredentialsStagesAndVersionIdsApart()
    {
        var cache = new SecretCache();
        Put(cache, East, "app/db", Current, Answer(Arn, "app/db", "current"));
        Put(cache, East, "app/db", SecretCache.SelectorFor(null, StagingLabels.Previous), Answer(Arn, "app/db", "previous", "v0", StagingLabels.Previous));
        Put(cache, East, "app/db", SecretCache.SelectorFor("v0", null), Answer(Arn, "app/db", "version v0", "v0", StagingLabels.Previous));

        Assert.Equal("current", ValueOf(cache, East, "app/db", Current));
        Assert.Equal("previous", ValueOf(cache, East, "app/db", SecretCache.SelectorFor(null, StagingLabels.Previous)));
        Assert.Equal("version v0", ValueOf(cache, East, "app/db", SecretCache.SelectorFor("v0", null)));
        Assert.Null(ValueOf(cache, East, "app/db", SecretCache.SelectorFor("v1", null)));
        Assert.Null(ValueOf(cache, East, "app/db", SecretCache.SelectorFor(null, StagingLabels.Pending)));

        var west = new CachePartition("http://127.0.0.1:4566", "us-west-2", "key:AAAA");
        var otherKeys = new CachePartition("http://127.0.0.1:4566", "us-east-1", "key:BBBB");
        var otherEndpoint = new CachePartition("http://127.0.0.1:4567", "us-east-1", "key:AAAA");
        foreach (var partition in new[] { west, otherKeys, otherEndpoint })
        {
            Assert.Null(ValueOf(cache, partition, "app/db", Current));
            Assert.Null(ValueOf(cache, partition, Arn, Current));
        }
        // The endpoint is compared as a URL: case and a trailing '/' don't make another partition.
        Assert.Equal("current", ValueOf(cache, new CachePartition("HTTP://127.0.0.1:4566/", "US-EAST-1", "key:AAAA"), "app/db", Current));
    }

    [Fact]
    public void HoldsAtMostItsCapacityAndDropsTheLeastRecentlyUsed()
    {
        var cache = new SecretCache(capacity: 3);
        string ArnOf(int i) => $"arn:aws:secretsmanager:us-east-1:123456789012:secret:s{i}-AbCdEf";
        for (int i = 0; i < 3; i++) Put(cache, East, $"s{i}", Current, Answer(ArnOf(i), $"s{i}", $"value {i}"));
        // s0 is used again, so s1 is now the least recently used.
        Assert.Equal("value 0", ValueOf(cache, East, "s0", Current));

        Put(cache, East, "s3", Current, Answer(ArnOf(3), "s3", "value 3"));

        Assert.Equal(3, cache.Count);
        Assert.Null(ValueOf(cache, East, "s1", Current));
        Assert.Equal("value 0", ValueOf(cache, East, "s0", Current));
        Assert.Equal("value 2", ValueOf(cache, East, "s2", Current));
        Assert.Equal("value 3", ValueOf(cache, East, "s3", Current));
    }

    [Fact]
    public void DefaultsToTheBoundOfAwsCachingClients()
    {
        var cache = new SecretCache();
        Assert.Equal(1024, cache.Capacity);
        for (int i = 0; i < 1100; i++) Put(cache, East, $"s{i}", Current, Answer($"arn:aws:secretsmanager:us-east-1:1:secret:s{i}-AbCdEf", $"s{i}", "v"));
        Assert.Equal(1024, cache.Count);
        Assert.Null(cache.Find(East, "s0", Current));
        Assert.NotNull(cache.Find(East, "s1099", Current));
    }

    [Fact]
    public void EvictsASecretInEveryPartitionByNameArnOrPartialArn()
    {
        foreach (string id in new[] { "app/db", Arn, "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db" })
        {
            var cache = new SecretCache();
            var otherKeys = new CachePartition(East.Endpoint, East.Region, "key:BBBB");
            Put(cache, East, "app/db", Current, Answer(Arn, "app/db", "v"));
            Put(cache, East, "app/db", SecretCache.SelectorFor("v1", null), Answer(Arn, "app/db", "v"));
            Put(cache, otherKeys, Arn, Current, Answer(Arn, "app/db", "v"));
            Put(cache, East, "other", Current, Answer("arn:aws:secretsmanager:us-east-1:123456789012:secret:other-XyZxYz", "other", "kept"));

            Assert.Equal(3, cache.Evict(id));

            Assert.Null(cache.Find(East, "app/db", Current));
            Assert.Null(cache.Find(otherKeys, Arn, Current));
            Assert.Equal("kept", ValueOf(cache, East, "other", Current));
        }
    }

    [Fact]
    public void EvictsTheReplicasOfAWrittenSecret()
    {
        var cache = new SecretCache();
        var west = new CachePartition(East.Endpoint, "us-west-2", East.CredentialIdentity);
        string replica = Arn.Replace("us-east-1", "us-west-2");
        Put(cache, west, replica, Current, Answer(replica, "app/db", "replica value"));
        Assert.Equal(1, cache.Evict(Arn));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void DoesNotStoreAnAnswerReadWhileItsSecretWasEvicted()
    {
        var cache = new SecretCache();
        long before = cache.Generation;
        cache.Evict(new[] { "app/db", Arn });
        Assert.False(cache.Store(East, "app/db", Current, CachedValue.From(Answer(Arn, "app/db", "old"), cache.UtcNow), before));
        Assert.Null(cache.Find(East, "app/db", Current));

        // An eviction of another secret does not stop it.
        before = cache.Generation;
        cache.Evict("another/secret");
        Assert.True(cache.Store(East, "app/db", Current, CachedValue.From(Answer(Arn, "app/db", "new"), cache.UtcNow), before));

        // Clear stops every read in flight.
        before = cache.Generation;
        cache.Clear();
        Assert.False(cache.Store(East, "app/db", Current, CachedValue.From(Answer(Arn, "app/db", "new"), cache.UtcNow), before));
    }

    [Fact]
    public void EvictsWhatWasReadFromOneEndpoint()
    {
        var cache = new SecretCache();
        var other = new CachePartition("http://127.0.0.1:9999", "us-east-1", "key:AAAA");
        Put(cache, East, "app/db", Current, Answer(Arn, "app/db", "v"));
        Put(cache, other, "app/db", Current, Answer(Arn.Replace("123456789012", "000000000000"), "app/db", "v"));
        Assert.Equal(1, cache.EvictEndpoint("http://127.0.0.1:4566/"));
        Assert.Null(cache.Find(East, "app/db", Current));
        Assert.NotNull(cache.Find(other, "app/db", Current));
    }

    [Fact]
    public void HoldsValuesOnlyAsCiphertext()
    {
        const string value = "correct horse battery staple, a value to look for";
        var binary = Encoding.UTF8.GetBytes("binary " + value);
        var cache = new SecretCache();
        var answer = Answer(Arn, "app/db", value);
        answer.SecretBinary = binary;
        Put(cache, East, "app/db", Current, answer);

        var entry = (CachedValue)cache.Find(East, "app/db", Current);
        // Every byte array and string the protected value holds, found by reflection: none contains the value.
        var held = entry.Value.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic).Select(f => f.GetValue(entry.Value)).ToList();
        Assert.NotEmpty(held);
        foreach (object field in held)
        {
            if (field is byte[] bytes)
            {
                string asText = Encoding.UTF8.GetString(bytes);
                Assert.DoesNotContain(value, asText);
                Assert.DoesNotContain("binary", asText);
            }
            Assert.False(field is string, "a string field");
        }
        Assert.DoesNotContain(value, entry.ToString());
        Assert.DoesNotContain(value, entry.Value.ToString());

        var served = entry.ToResponse();
        Assert.Equal(value, served.SecretString);
        Assert.Equal(binary, served.SecretBinary);
        // Each caller gets its own array.
        served.SecretBinary[0] = 0;
        Assert.Equal(binary, entry.ToResponse().SecretBinary);
    }

    [Fact]
    public void ManyThreadsReadAndWriteWithoutLosingConsistency()
    {
        var cache = new SecretCache(capacity: 50);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 8, worker =>
        {
            for (int i = 0; i < 2000; i++)
            {
                int n = (worker * 7 + i) % 80;
                string arn = $"arn:aws:secretsmanager:us-east-1:1:secret:s{n}-AbCdEf";
                if (i % 50 == 0) cache.Evict($"s{n}");
                else if (cache.Find(East, $"s{n}", Current) is CachedValue hit)
                {
                    if (hit.ToResponse().SecretString != $"value {n}") failures.Add($"s{n} held '{hit.ToResponse().SecretString}'");
                }
                else cache.Store(East, $"s{n}", Current, CachedValue.From(Answer(arn, $"s{n}", $"value {n}"), cache.UtcNow), cache.Generation);
            }
        });
        Assert.Empty(failures);
        Assert.InRange(cache.Count, 1, 50);
    }

    [Fact]
    public void RefusesANegativeAgeLimit()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new CachePolicy(new SecretCache(), TimeSpan.FromSeconds(-1), false));
        Assert.Equal("maxAge", e.ParamName);
        Assert.True(new CachePolicy(new SecretCache(), TimeSpan.Zero, false).UsesCache);
        Assert.False(new CachePolicy(new SecretCache(), null, false).UsesCache);
        Assert.True(new CachePolicy(new SecretCache(), null, true).UsesCache);
    }
}
