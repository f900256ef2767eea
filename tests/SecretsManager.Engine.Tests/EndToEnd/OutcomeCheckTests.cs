using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Tests.Support;
using Step = SecretsManager.Engine.Tests.Support.FaultInjectingProxy.Step;

namespace SecretsManager.Engine.Tests.EndToEnd;

/// <summary>
/// Faults between the engine and SecretsManager.Local that lose the answer to a change: the engine checks whether the
/// change took effect and reports what is true. Applied is a success (with a notice), not applied is the failure, and
/// what can't be told is SecretsManagerOutcomeUnknownException with the token to repeat the call safely. Each case
/// also counts the versions afterwards: never a lost write, never a duplicate.
/// </summary>
[Collection(LocalServerCollection.Name)]
public class OutcomeCheckTests
{
    private const string InternalError = """{"__type":"InternalServiceError","message":"An error occurred on the server side."}""";
    private const string Throttled = """{"__type":"ThrottlingException","message":"Rate exceeded"}""";
    private readonly LocalServerFixture _local;

    public OutcomeCheckTests(LocalServerFixture local) => _local = local;

    private ISecretsManagerClient Through(FaultInjectingProxy proxy) => SecretsManagerClientFactory.Create(new SecretsManagerClientOptions
    {
        Region = "us-east-1",
        AccessKeyId = LocalServerFixture.AccessKey,
        SecretAccessKey = LocalServerFixture.SecretKey,
        EndpointUrl = proxy.Url,
    });

    private string NewSecret(string purpose)
    {
        using var direct = _local.CreateClient();
        string name = LocalServerFixture.UniqueName(purpose);
        direct.CreateSecret(new CreateSecretRequest { Name = name, SecretString = "first" });
        return name;
    }

    private int VersionCount(string name)
    {
        using var direct = _local.CreateClient();
        return direct.ListSecretVersionIdsAll(new ListSecretVersionIdsRequest { SecretId = name, IncludeDeprecated = true }).Count();
    }

    /// <summary>Every attempt of <paramref name="operation"/> meets the faults in turn (the last one repeats); other operations pass.</summary>
    private static Func<string, Step> On(string operation, params Func<Step>[] faults)
    {
        int seen = 0;
        return target => target != operation ? new Step(true) : faults[Math.Min(seen++, faults.Length - 1)]();
    }

    public static TheoryData<string, Func<Step>[]> LostAnswers() => new()
    {
        { "dropped after the write, on every attempt", new Func<Step>[] { Step.ForwardThenDrop } },
        { "a 500 after the write, on every attempt", new Func<Step>[] { () => Step.ForwardThenFail(500, InternalError) } },
        { "dropped after the write, then 500s", new Func<Step>[] { Step.ForwardThenDrop, () => Step.Fail(500, InternalError) } },
        { "dropped after the write, then throttled", new Func<Step>[] { Step.ForwardThenDrop, () => Step.Fail(400, Throttled) } },
    };

    [Theory]
    [MemberData(nameof(LostAnswers))]
    public void A_put_whose_answer_is_lost_after_the_write_is_a_confirmed_success_with_one_new_version(string what, Func<Step>[] faults)
    {
        string name = NewSecret("lost");
        using var proxy = new FaultInjectingProxy(_local.Url, On("PutSecretValue", faults));
        using var client = Through(proxy);
        CallNotices.Prepare();

        var response = client.PutSecretValue(new PutSecretValueRequest { SecretId = name, SecretString = "second" });

        Assert.False(string.IsNullOrEmpty(response.VersionId), what);
        Assert.Contains("AWSCURRENT", response.VersionStages);
        Assert.Equal(2, VersionCount(name));
        Assert.Contains(CallNotices.Take(), n => n.Contains("the change is confirmed"));
    }

    [Fact]
    public void Throttling_on_every_attempt_is_the_throttling_error_and_writes_nothing()
    {
        string name = NewSecret("throttled");
        using var proxy = new FaultInjectingProxy(_local.Url, On("PutSecretValue", () => Step.Fail(400, Throttled)));
        using var client = Through(proxy);

        var error = Assert.Throws<SecretsManagerServiceException>(() => client.PutSecretValue(new PutSecretValueRequest { SecretId = name, SecretString = "second" }));

        Assert.Equal("ThrottlingException", error.ErrorCode);
        Assert.Equal(1, VersionCount(name));
        Assert.DoesNotContain(proxy.ReceivedBodies, b => !b.Contains("second")); // no check: a 4xx changes nothing
        Assert.Empty(proxy.ForwardedAnswers);
    }

    [Fact]
    public void A_stalled_endpoint_past_the_timeout_is_a_connection_error_once_the_check_finds_nothing_written()
    {
        string name = NewSecret("stalled");
        using var proxy = new FaultInjectingProxy(_local.Url, Step.Stall(TimeSpan.FromSeconds(20)));
        using var client = Through(proxy);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        SecretsManagerConnectionException error;
        using (CallScope.Enter(CancellationToken.None, TimeSpan.FromSeconds(1)))
        {
            error = Assert.Throws<SecretsManagerConnectionException>(() => client.PutSecretValue(new PutSecretValueRequest { SecretId = name, SecretString = "second" }));
        }

        Assert.Contains("did not answer PutSecretValue within 1 s", error.Message);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 10);
        Assert.Equal(1, VersionCount(name));
    }

    [Fact]
    public void A_write_that_stalls_after_it_was_applied_is_confirmed_after_the_timeout()
    {
        string name = NewSecret("stalled-after");
        using var proxy = new FaultInjectingProxy(_local.Url, Step.ForwardThenStall(TimeSpan.FromSeconds(20)));
        using var client = Through(proxy);

        PutSecretValueResponse response;
        using (CallScope.Enter(CancellationToken.None, TimeSpan.FromSeconds(1)))
        {
            response = client.PutSecretValue(new PutSecretValueRequest { SecretId = name, SecretString = "second" });
        }

        Assert.NotNull(response.VersionId);
        Assert.Equal(2, VersionCount(name));
    }

    [Fact]
    public void A_lost_answer_to_CreateSecret_without_a_value_is_confirmed_instead_of_ResourceExistsException()
    {
        string name = LocalServerFixture.UniqueName("create-novalue");
        using var proxy = new FaultInjectingProxy(_local.Url, On("CreateSecret", Step.ForwardThenDrop, () => new Step(true)));
        using var client = Through(proxy);

        var response = client.CreateSecret(new CreateSecretRequest { Name = name, Description = "made once" });

        Assert.Equal(name, response.Name);
        Assert.StartsWith("arn:aws:secretsmanager:", response.ARN);
        using var direct = _local.CreateClient();
        Assert.Single(direct.ListSecretsAll(new ListSecretsRequest { Filters = new() { new Filter { Key = "name", Values = new() { name } } } }));
    }

    [Fact]
    public void CreateSecret_for_a_name_someone_else_holds_stays_ResourceExistsException()
    {
        string name = NewSecret("taken");
        using var proxy = new FaultInjectingProxy(_local.Url, On("CreateSecret", Step.Drop, () => new Step(true)));
        using var client = Through(proxy);

        var error = Assert.Throws<SecretsManagerServiceException>(() => client.CreateSecret(new CreateSecretRequest { Name = name, Description = "mine" }));

        Assert.Equal("ResourceExistsException", error.ErrorCode);
    }

    [Fact]
    public void A_lost_answer_to_DeleteSecret_is_confirmed_instead_of_already_scheduled()
    {
        string name = NewSecret("delete");
        using var proxy = new FaultInjectingProxy(_local.Url, On("DeleteSecret", Step.ForwardThenDrop, () => new Step(true)));
        using var client = Through(proxy);

        var response = client.DeleteSecret(new DeleteSecretRequest { SecretId = name, RecoveryWindowInDays = 7 });

        Assert.NotNull(response.DeletionDate);
        using var direct = _local.CreateClient();
        Assert.NotNull(direct.DescribeSecret(new DescribeSecretRequest { SecretId = name }).DeletedDate);
    }

    [Fact]
    public void A_lost_answer_to_TagResource_is_confirmed_from_the_tags()
    {
        string name = NewSecret("tag");
        using var proxy = new FaultInjectingProxy(_local.Url, On("TagResource", Step.ForwardThenDrop));
        using var client = Through(proxy);
        CallNotices.Prepare();

        client.TagResource(new TagResourceRequest { SecretId = name, Tags = new() { new Tag { Key = "env", Value = "prod" } } });

        Assert.Contains(CallNotices.Take(), n => n.StartsWith("TagResource"));
    }

    [Fact]
    public void When_the_check_fails_too_the_outcome_is_unknown_and_names_the_token_to_repeat_safely()
    {
        string name = NewSecret("unknown");
        // Every attempt of the put is applied and loses its answer; every attempt of the check's DescribeSecret is dropped.
        using var proxy = new FaultInjectingProxy(_local.Url, target => target == "PutSecretValue" ? Step.ForwardThenDrop() : Step.Drop());
        using var client = Through(proxy);

        var error = Assert.Throws<SecretsManagerOutcomeUnknownException>(() => client.PutSecretValue(new PutSecretValueRequest { SecretId = name, SecretString = "second" }));

        Assert.Equal("PutSecretValue", error.Operation);
        Assert.False(string.IsNullOrEmpty(error.ClientRequestToken));
        Assert.Contains("may have been applied", error.Message);
        Assert.Contains(error.ClientRequestToken, error.Message);
        Assert.IsType<SecretsManagerConnectionException>(error.InnerException);
        // Repeating with the token is safe: still exactly one new version.
        using var direct = _local.CreateClient();
        direct.PutSecretValue(new PutSecretValueRequest { SecretId = name, SecretString = "second", ClientRequestToken = error.ClientRequestToken });
        Assert.Equal(2, VersionCount(name));
    }

    [Fact]
    public void A_refused_connection_is_never_checked()
    {
        using var client = SecretsManagerClientFactory.Create(new SecretsManagerClientOptions
        {
            Region = "us-east-1", AccessKeyId = "test", SecretAccessKey = "test", EndpointUrl = $"http://127.0.0.1:{FreePort.Get()}",
        });
        Assert.Throws<SecretsManagerConnectionException>(() => client.PutSecretValue(new PutSecretValueRequest { SecretId = "x", SecretString = "v" }));
    }
}
