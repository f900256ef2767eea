using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Tests.Support;
using Step = SecretsManager.Engine.Tests.Support.FaultInjectingProxy.Step;

namespace SecretsManager.Engine.Tests.EndToEnd;

/// <summary>
/// Several hundred changes through a proxy that faults 30% of all requests (the checks' own included): every change
/// reported as done exists exactly once, every one reported as failed did not happen, and the rest say they may have.
/// </summary>
[Collection(LocalServerCollection.Name)]
public class RandomFaultTests
{
    private const string InternalError = """{"__type":"InternalServiceError","message":"An error occurred on the server side."}""";
    private const string Throttled = """{"__type":"ThrottlingException","message":"Rate exceeded"}""";
    private readonly LocalServerFixture _local;

    public RandomFaultTests(LocalServerFixture local) => _local = local;

    private enum Reported { Done, Failed, MayHaveHappened }

    [Fact]
    public void At_30_percent_faults_no_change_is_reported_wrongly_and_none_is_duplicated()
    {
        var random = new Random(20251211);
        var faults = new Func<Step>[]
        {
            () => Step.Fail(500, InternalError),
            () => Step.Fail(400, Throttled),
            () => Step.Delayed(TimeSpan.FromMilliseconds(20)),
            Step.ForwardThenDrop,
            () => Step.ForwardThenFail(500, InternalError),
        };
        using var proxy = new FaultInjectingProxy(_local.Url, () =>
        {
            lock (random) return random.NextDouble() < 0.3 ? faults[random.Next(faults.Length)]() : new Step(true);
        });
        using var client = SecretsManagerClientFactory.Create(new SecretsManagerClientOptions
        {
            Region = "us-east-1", AccessKeyId = LocalServerFixture.AccessKey, SecretAccessKey = LocalServerFixture.SecretKey, EndpointUrl = proxy.Url,
        });
        using var direct = _local.CreateClient();
        string prefix = LocalServerFixture.UniqueName("random");
        var secrets = Enumerable.Range(0, 12).Select(i => $"{prefix}/s{i}").ToList();
        foreach (var name in secrets) direct.CreateSecret(new CreateSecretRequest { Name = name, SecretString = "v0" });

        var puts = new List<(string Secret, string Token, Reported Outcome)>();
        var creates = new List<(string Name, string Token, Reported Outcome)>();
        var tags = new List<(string Secret, string Key, Reported Outcome)>();
        for (int i = 0; i < 240; i++)
        {
            int kind;
            lock (random) kind = random.Next(3);
            string token = Guid.NewGuid().ToString();
            if (kind == 0)
            {
                string secret = secrets[i % secrets.Count];
                puts.Add((secret, token, Run(() => client.PutSecretValue(new PutSecretValueRequest { SecretId = secret, SecretString = "v" + i, ClientRequestToken = token }))));
            }
            else if (kind == 1)
            {
                string name = $"{prefix}/new{i}";
                creates.Add((name, token, Run(() => client.CreateSecret(new CreateSecretRequest { Name = name, SecretString = "n" + i, ClientRequestToken = token }))));
            }
            else
            {
                string secret = secrets[i % secrets.Count];
                string key = "k" + i;
                tags.Add((secret, key, Run(() => client.TagResource(new TagResourceRequest { SecretId = secret, Tags = new() { new Tag { Key = key, Value = "x" } } }))));
            }
        }

        var wrong = new List<string>();
        foreach (var secret in secrets)
        {
            var versions = direct.ListSecretVersionIdsAll(new ListSecretVersionIdsRequest { SecretId = secret, IncludeDeprecated = true }).Select(v => v.VersionId).ToList();
            var mine = puts.Where(p => p.Secret == secret).ToList();
            foreach (var put in mine)
            {
                bool exists = versions.Contains(put.Token);
                if (put.Outcome == Reported.Done && !exists) wrong.Add($"put {put.Token} reported done but missing");
                if (put.Outcome == Reported.Failed && exists) wrong.Add($"put {put.Token} reported failed but applied");
            }
            // No duplicate: every version is the first one or one of ours.
            int ours = mine.Count(p => versions.Contains(p.Token));
            if (versions.Count != 1 + ours) wrong.Add($"{secret} has {versions.Count} versions for {ours} applied puts");
            var tagKeys = (direct.DescribeSecret(new DescribeSecretRequest { SecretId = secret }).Tags ?? new()).Select(t => t.Key).ToHashSet();
            foreach (var tag in tags.Where(t => t.Secret == secret))
            {
                if (tag.Outcome == Reported.Done && !tagKeys.Contains(tag.Key)) wrong.Add($"tag {tag.Key} reported done but missing");
                if (tag.Outcome == Reported.Failed && tagKeys.Contains(tag.Key)) wrong.Add($"tag {tag.Key} reported failed but applied");
            }
        }
        foreach (var create in creates)
        {
            DescribeSecretResponse described = null;
            try { described = direct.DescribeSecret(new DescribeSecretRequest { SecretId = create.Name }); }
            catch (SecretsManagerServiceException e) when (e.ErrorCode == "ResourceNotFoundException") { }
            bool exists = described != null && described.VersionIdsToStages.ContainsKey(create.Token) && described.VersionIdsToStages.Count == 1;
            if (create.Outcome == Reported.Done && !exists) wrong.Add($"create {create.Name} reported done but missing or duplicated");
            if (create.Outcome == Reported.Failed && described != null) wrong.Add($"create {create.Name} reported failed but exists");
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        // The faults really happened, and some calls were settled by a check (confirmed or uncertain).
        Assert.True(proxy.ReceivedBodies.Count > 300, $"only {proxy.ReceivedBodies.Count} requests");
        Assert.Contains(puts.Concat(creates.Select(c => (c.Name, c.Token, c.Outcome))), p => p.Outcome == Reported.Done);
    }

    private static Reported Run(Action call)
    {
        try
        {
            call();
            return Reported.Done;
        }
        catch (SecretsManagerOutcomeUnknownException)
        {
            return Reported.MayHaveHappened;
        }
        catch (Exception e) when (e is SecretsManagerServiceException || e is SecretsManagerConnectionException)
        {
            return Reported.Failed;
        }
    }
}
