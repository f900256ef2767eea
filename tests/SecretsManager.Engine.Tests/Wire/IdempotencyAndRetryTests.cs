using System.Net;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Tests.Support;

namespace SecretsManager.Engine.Tests.Wire;

/// <summary>ClientRequestToken is made once per logical call and reused by every retry of the SDK.</summary>
public class IdempotencyAndRetryTests
{
    public static IEnumerable<object[]> IdempotentOperations => Operations.IdempotentOperations.Select(o => new object[] { o });

    [Theory]
    [MemberData(nameof(IdempotentOperations))]
    public void ATokenIsGeneratedWhenNoneIsGivenAndReusedOnEveryRetry(string operation)
    {
        var handler = new ScriptedHttpHandler()
            .Then(HttpStatusCode.InternalServerError, """{"__type":"InternalServiceError","message":"try again"}""")
            .Then(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","message":"Rate exceeded"}""")
            .Then(HttpStatusCode.OK, """{"ARN":"arn","Name":"n","VersionId":"v1"}""");
        using var client = WireClient.Create(handler);

        Operations.Call(client, operation, Operations.Minimal(operation));

        Assert.Equal(3, handler.Requests.Count);
        var tokens = handler.Requests.Select(r => r.Json["ClientRequestToken"]?.GetValue<string>()).ToList();
        Assert.True(Guid.TryParse(tokens[0], out _), $"'{tokens[0]}' is not a UUID");
        Assert.All(tokens, t => Assert.Equal(tokens[0], t));
    }

    [Theory]
    [MemberData(nameof(IdempotentOperations))]
    public void EachLogicalCallGetsItsOwnToken(string operation)
    {
        var handler = new ScriptedHttpHandler();
        using var client = WireClient.Create(handler);
        object request = Operations.Minimal(operation);

        Operations.Call(client, operation, request);
        Operations.Call(client, operation, request);

        string first = handler.Requests[0].Json["ClientRequestToken"].GetValue<string>();
        string second = handler.Requests[1].Json["ClientRequestToken"].GetValue<string>();
        Assert.NotEqual(first, second);
        // The caller's request object is not modified.
        Assert.Null(request.GetType().GetProperty("ClientRequestToken").GetValue(request));
    }

    [Fact]
    public void AGivenTokenIsSentUnchanged()
    {
        var handler = new ScriptedHttpHandler();
        using var client = WireClient.Create(handler);

        client.PutSecretValue(new PutSecretValueRequest { SecretId = "s", SecretString = "v", ClientRequestToken = "EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE" });

        Assert.Equal("EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE", handler.Requests[0].Json["ClientRequestToken"].GetValue<string>());
    }

    [Fact]
    public async Task AsyncRetriesReuseTheTokenToo()
    {
        var handler = new ScriptedHttpHandler()
            .Then(HttpStatusCode.InternalServerError, """{"__type":"InternalServiceError","message":"try again"}""")
            .Then(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","message":"Rate exceeded"}""")
            .Then(HttpStatusCode.OK, """{"ARN":"arn","Name":"n","VersionId":"v1","VersionStages":["AWSCURRENT"]}""");
        using var client = WireClient.Create(handler);

        var response = await client.PutSecretValueAsync(new PutSecretValueRequest { SecretId = "s", SecretString = "v" });

        Assert.Equal("v1", response.VersionId);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Single(handler.Requests.Select(r => r.Json["ClientRequestToken"].GetValue<string>()).Distinct());
    }

    [Fact]
    public void NonRetryableErrorsAreNotRetried()
    {
        var handler = new ScriptedHttpHandler().Then(HttpStatusCode.BadRequest, """{"__type":"ResourceNotFoundException","message":"nope"}""");
        using var client = WireClient.Create(handler);

        Assert.Throws<SecretsManagerServiceException>(() => client.DescribeSecret(new DescribeSecretRequest { SecretId = "s" }));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public void LimitExceededIsAQuotaAndIsNotRetried()
    {
        var handler = new ScriptedHttpHandler { Fallback = () => ScriptedHttpHandler.Json(HttpStatusCode.BadRequest, """{"__type":"LimitExceededException","message":"You have exceeded the maximum number of versions"}""") };
        using var client = WireClient.Create(handler);

        var error = Assert.Throws<SecretsManagerServiceException>(() => client.PutSecretValue(new PutSecretValueRequest { SecretId = "s", SecretString = "v" }));

        Assert.Equal("LimitExceededException", error.ErrorCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public void ThrottlingIsStillRetried()
    {
        var handler = new ScriptedHttpHandler()
            .Then(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","message":"Rate exceeded"}""")
            .Then(HttpStatusCode.OK, """{"SecretList":[]}""");
        using var client = WireClient.Create(handler);

        client.ListSecrets(new ListSecretsRequest());

        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public void WhenRetriesRunOutTheLastErrorIsThrown()
    {
        var handler = new ScriptedHttpHandler { Fallback = () => ScriptedHttpHandler.Json(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","message":"Rate exceeded"}""") };
        using var client = WireClient.Create(handler, maxErrorRetry: 2);

        var error = Assert.Throws<SecretsManagerServiceException>(() => client.ListSecrets(new ListSecretsRequest()));

        Assert.Equal("ThrottlingException", error.ErrorCode);
        Assert.Equal(3, handler.Requests.Count);
    }
}
