using System.Text.Json;
using Xunit;

namespace SecretsManager.Local.Tests.Infrastructure;

/// <summary>
/// Base for test classes that share one endpoint (their class fixture). Every test starts from an empty
/// endpoint (<c>POST /_local/reset</c>), so tests of one class never see each other's secrets.
/// </summary>
public abstract class LocalServerTestBase<TFixture> : IAsyncLifetime where TFixture : LocalServerFixture
{
    public const string Account = "123456789012";
    public const string Region = "us-east-1";

    protected LocalServerTestBase(TFixture fixture) => Fixture = fixture;

    protected TFixture Fixture { get; }

    protected SmClient Client => Fixture.Client;

    public virtual async Task InitializeAsync()
    {
        var reset = await Client.HookAsync(HttpMethod.Post, "/_local/reset");
        Assert.True(reset.Status == 200, $"POST /_local/reset failed: {reset}");
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected Task<SmResponse> Call(string operation, object body, string region = Region) =>
        Client.CallAsync(operation, body, SignOptions.ForRegion(region));

    protected Task<SmResponse> CallRaw(string operation, string rawBody, string region = Region) =>
        Client.CallRawAsync(operation, rawBody, SignOptions.ForRegion(region));

    /// <summary>Calls and asserts HTTP 200; returns the JSON body.</summary>
    protected async Task<JsonElement> Ok(string operation, object body, string region = Region) =>
        SmAssert.Ok(await Call(operation, body, region));

    /// <summary>Calls and asserts the exact AWS error code and HTTP status.</summary>
    protected async Task<SmResponse> Fails(string operation, object body, string code, int status = 400, string region = Region)
    {
        var response = await Call(operation, body, region);
        SmAssert.Error(response, code, status);
        return response;
    }

    /// <summary>Creates a secret (with a string value unless <paramref name="value"/> is null) plus any extra members.</summary>
    protected Task<JsonElement> CreateSecret(string name, string? value = "initial-value",
        IDictionary<string, object?>? extra = null, string region = Region)
    {
        var body = new Dictionary<string, object?> { ["Name"] = name };
        if (value is not null) body["SecretString"] = value;
        if (extra is not null) foreach (var kv in extra) body[kv.Key] = kv.Value;
        return Ok("CreateSecret", body, region);
    }

    protected Task<JsonElement> Describe(string secretId, string region = Region) =>
        Ok("DescribeSecret", new { SecretId = secretId }, region);

    protected async Task<string> GetString(string secretId, string? stage = null, string? versionId = null, string region = Region)
    {
        var body = await Ok("GetSecretValue", new { SecretId = secretId, VersionStage = stage, VersionId = versionId }, region);
        return SmAssert.Str(body, "SecretString");
    }

    /// <summary>All versions of a secret (following NextToken), as VersionId → labels.</summary>
    protected async Task<Dictionary<string, string[]>> Versions(string secretId, bool includeDeprecated = true, string region = Region)
    {
        var result = new Dictionary<string, string[]>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Ok("ListSecretVersionIds",
                new { SecretId = secretId, IncludeDeprecated = includeDeprecated, MaxResults = 100, NextToken = token }, region);
            foreach (var v in page.GetProperty("Versions").EnumerateArray())
            {
                var stages = v.TryGetProperty("VersionStages", out var s) && s.ValueKind == JsonValueKind.Array
                    ? s.EnumerateArray().Select(x => x.GetString()!).ToArray()
                    : [];
                Assert.True(result.TryAdd(SmAssert.Str(v, "VersionId"), stages), $"Version listed twice: {v}");
            }
            token = page.TryGetProperty("NextToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            Assert.True(++pages < 50, "ListSecretVersionIds never stopped paging.");
        } while (token is not null);
        return result;
    }

    /// <summary>The VersionId carrying <paramref name="stage"/>, or null.</summary>
    protected static string? VersionWith(Dictionary<string, string[]> versions, string stage) =>
        versions.Where(v => v.Value.Contains(stage)).Select(v => v.Key).SingleOrDefault();

    /// <summary>All secrets ListSecrets returns for a request (following NextToken).</summary>
    protected async Task<List<JsonElement>> ListAll(Dictionary<string, object?>? request = null, string region = Region)
    {
        var all = new List<JsonElement>();
        string? token = null;
        var pages = 0;
        do
        {
            var body = new Dictionary<string, object?>(request ?? new Dictionary<string, object?>());
            if (token is not null) body["NextToken"] = token;
            var page = await Ok("ListSecrets", body, region);
            all.AddRange(page.GetProperty("SecretList").EnumerateArray());
            token = page.TryGetProperty("NextToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            Assert.True(++pages < 200, "ListSecrets never stopped paging.");
        } while (token is not null);
        return all;
    }

    /// <summary>Moves the endpoint clock forward; returns the endpoint's new "now" (epoch seconds).</summary>
    protected async Task<double> AdvanceClock(TimeSpan by)
    {
        var response = await Client.HookAsync(HttpMethod.Post, $"/_local/clock/advance?seconds={(long)by.TotalSeconds}");
        Assert.True(response.Status == 200, $"Clock advance failed: {response}");
        return SmAssert.Epoch(response.Json, "now");
    }

    /// <summary>Returns once no rotation runs on the endpoint (<c>POST /_local/rotation/wait</c>): deterministic, unlike a delay.</summary>
    protected async Task WaitForRotations()
    {
        var idle = await Client.HookAsync(HttpMethod.Post, "/_local/rotation/wait");
        Assert.True(idle.Status == 200, $"Rotations were still running after 60 s: {idle}");
    }

    /// <summary>Waits until <paramref name="condition"/> holds (asynchronous work such as rotation), or fails.</summary>
    protected static async Task Eventually(Func<Task<bool>> condition, string what, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        Assert.Fail($"Timed out after {timeoutSeconds}s waiting until {what}.");
    }

    /// <summary>A fresh 36-character ClientRequestToken.</summary>
    protected static string NewToken() => Guid.NewGuid().ToString();

    protected static string Base64(byte[] bytes) => Convert.ToBase64String(bytes);
}
