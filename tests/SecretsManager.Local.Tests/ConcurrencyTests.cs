using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>Many clients at once: no lost or corrupted updates.</summary>
public class ConcurrencyTests : LocalServerTestBase
{
    public ConcurrencyTests(LocalServerFixture fixture) : base(fixture) { }

    [Fact]
    public async Task Two_racing_PutSecretValue_calls_leave_exactly_two_new_versions()
    {
        for (var round = 0; round < 20; round++)
        {
            var name = $"race-{round}";
            var original = SmAssert.Str(await CreateSecret(name, "v0"), "VersionId");
            using var gate = new SemaphoreSlim(0);
            var puts = new[] { "a", "b" }.Select(async value =>
            {
                await gate.WaitAsync();
                return await Call("PutSecretValue", new { SecretId = name, SecretString = value, ClientRequestToken = NewToken() });
            }).ToArray();
            gate.Release(2);
            var results = await Task.WhenAll(puts);
            Assert.All(results, r => SmAssert.Ok(r));

            var newIds = results.Select(r => SmAssert.Str(r.Json, "VersionId")).ToArray();
            var versions = await Versions(name);
            Assert.Equal(3, versions.Count);
            Assert.Contains(newIds[0], versions.Keys);
            Assert.Contains(newIds[1], versions.Keys);
            var current = VersionWith(versions, "AWSCURRENT");
            var previous = VersionWith(versions, "AWSPREVIOUS");
            Assert.Contains(current, newIds);
            Assert.Contains(previous, newIds);
            Assert.NotEqual(current, previous);
            Assert.Empty(versions[original]);
        }
    }

    [Fact]
    public async Task Many_parallel_creates_all_succeed_with_distinct_ARNs()
    {
        var names = Enumerable.Range(0, 100).Select(i => $"parallel/{i:D3}").ToArray();
        var responses = await Task.WhenAll(names.Select(n => Call("CreateSecret", new { Name = n, SecretString = n })));
        Assert.All(responses, r => SmAssert.Ok(r));
        Assert.Equal(100, responses.Select(r => SmAssert.Str(r.Json, "ARN")).Distinct().Count());

        var listed = (await ListAll()).Select(s => SmAssert.Str(s, "Name")).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(names, listed);
        Assert.Equal("parallel/042", await GetString("parallel/042"));
    }

    [Fact]
    public async Task Parallel_creates_of_one_name_let_exactly_one_win()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Call("CreateSecret", new { Name = "contested", SecretString = $"v{i}", ClientRequestToken = NewToken() })));
        Assert.Single(responses, r => r.IsSuccess);
        Assert.All(responses.Where(r => !r.IsSuccess), r => SmAssert.Error(r, "ResourceExistsException"));
        Assert.Single(await Versions("contested"));
    }

    [Fact]
    public async Task Many_parallel_puts_on_one_secret_keep_every_version_and_one_current()
    {
        await CreateSecret("busy", "v0");
        var responses = await Task.WhenAll(Enumerable.Range(1, 50).Select(i =>
            Call("PutSecretValue", new { SecretId = "busy", SecretString = $"v{i}", ClientRequestToken = NewToken() })));
        Assert.All(responses, r => SmAssert.Ok(r));

        var versions = await Versions("busy");
        Assert.Equal(51, versions.Count);
        Assert.Single(versions, v => v.Value.Contains("AWSCURRENT"));
        Assert.Single(versions, v => v.Value.Contains("AWSPREVIOUS"));
        Assert.Equal(49, versions.Count(v => v.Value.Length == 0));
    }

    [Fact]
    public async Task Parallel_tagging_loses_no_tag()
    {
        await CreateSecret("tagged", "v");
        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            Call("TagResource", new { SecretId = "tagged", Tags = new[] { new { Key = $"k{i}", Value = $"v{i}" } } })));
        Assert.All(responses, r => SmAssert.Ok(r));
        Assert.Equal(30, (await Describe("tagged")).GetProperty("Tags").GetArrayLength());
    }

    [Fact]
    public async Task Mixed_parallel_writes_keep_every_label_on_exactly_one_version()
    {
        var v0 = SmAssert.Str(await CreateSecret("mixed", "v0"), "VersionId");
        var v1 = SmAssert.Str(await Ok("PutSecretValue", new { SecretId = "mixed", SecretString = "v1", VersionStages = new[] { "BLUE" } }), "VersionId");

        var work = new List<Task<SmResponse>>();
        for (var i = 0; i < 20; i++)
        {
            work.Add(Call("PutSecretValue", new { SecretId = "mixed", SecretString = $"p{i}", ClientRequestToken = NewToken() }));
            work.Add(Call("PutSecretValue", new { SecretId = "mixed", SecretString = $"g{i}", ClientRequestToken = NewToken(), VersionStages = new[] { "GREEN" } }));
            work.Add(Call("UpdateSecretVersionStage", new { SecretId = "mixed", VersionStage = $"TAG{i}", MoveToVersionId = i % 2 == 0 ? v0 : v1 }));
        }
        var responses = await Task.WhenAll(work);
        Assert.All(responses, r => SmAssert.Ok(r));

        var versions = await Versions("mixed");
        Assert.Equal(2 + 40, versions.Count);
        foreach (var label in new[] { "AWSCURRENT", "AWSPREVIOUS", "GREEN" }.Concat(Enumerable.Range(0, 20).Select(i => $"TAG{i}")))
            Assert.True(versions.Count(v => v.Value.Contains(label)) == 1, $"Label {label} is on {versions.Count(v => v.Value.Contains(label))} versions.");
        Assert.True(versions.Count(v => v.Value.Contains("BLUE")) == 1);
        Assert.Equal(await GetString("mixed"), await GetString("mixed", versionId: VersionWith(versions, "AWSCURRENT")));
    }

    [Fact]
    public async Task Racing_RotateSecret_calls_run_one_rotation_at_a_time_and_leave_consistent_labels()
    {
        var original = SmAssert.Str(await CreateSecret("rotating", """{"username":"u","password":"p0"}"""), "VersionId");
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Call("RotateSecret", new
        {
            SecretId = "rotating", ClientRequestToken = NewToken(), RotationLambdaARN = RotationTests.SingleUserArn,
        })));
        // A call that arrives while another rotation runs (or left AWSPENDING behind) is refused; none may fail otherwise.
        Assert.All(responses, r => Assert.True(r.IsSuccess || r.ErrorCode == "InvalidRequestException", $"Unexpected answer: {r}"));
        var started = responses.Where(r => r.IsSuccess).Select(r => SmAssert.Str(r.Json, "VersionId")).ToList();
        Assert.NotEmpty(started);
        await WaitForRotations();

        var versions = await Versions("rotating");
        Assert.Equal(1 + started.Count, versions.Count);
        Assert.Contains(Assert.Single(versions, v => v.Value.Contains("AWSCURRENT")).Key, started);
        Assert.Single(versions, v => v.Value.Contains("AWSPREVIOUS"));
        var pending = VersionWith(versions, "AWSPENDING");
        Assert.True(pending is null || pending == VersionWith(versions, "AWSCURRENT"), "AWSPENDING was left on a version that isn't current.");
        Assert.Contains(original, versions.Keys);
        Assert.NotEqual("p0", System.Text.Json.JsonDocument.Parse(await GetString("rotating")).RootElement.GetProperty("password").GetString());
    }

    [Fact]
    public async Task Parallel_puts_on_a_replicated_primary_leave_the_replica_in_step()
    {
        await CreateSecret("replicated", "v0", new Dictionary<string, object?> { ["AddReplicaRegions"] = new[] { new { Region = "eu-west-1" } } });
        var responses = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            Call("PutSecretValue", new { SecretId = "replicated", SecretString = $"v{i}", ClientRequestToken = NewToken() })));
        Assert.All(responses, r => SmAssert.Ok(r));

        var primary = await Versions("replicated");
        var replica = await Versions("replicated", region: "eu-west-1");
        Assert.Equal(VersionWith(primary, "AWSCURRENT"), VersionWith(replica, "AWSCURRENT"));
        Assert.Equal(VersionWith(primary, "AWSPREVIOUS"), VersionWith(replica, "AWSPREVIOUS"));
        Assert.Equal(await GetString("replicated"), await GetString("replicated", region: "eu-west-1"));
    }
}
