using System.Net;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Tests.Support;

namespace SecretsManager.Engine.Tests.Wire;

/// <summary>Every service error becomes a SecretsManagerServiceException with code, message, status and request id.</summary>
public class ErrorMappingTests
{
    /// <summary>The error shapes of the model, with the status codes the service answers them with.</summary>
    public static IEnumerable<object[]> ModelErrors => new[]
    {
        new object[] { "DecryptionFailure", 400 },
        new object[] { "EncryptionFailure", 400 },
        new object[] { "InternalServiceError", 500 },
        new object[] { "InvalidNextTokenException", 400 },
        new object[] { "InvalidParameterException", 400 },
        new object[] { "InvalidRequestException", 400 },
        new object[] { "LimitExceededException", 400 },
        new object[] { "MalformedPolicyDocumentException", 400 },
        new object[] { "PreconditionNotMetException", 400 },
        new object[] { "PublicPolicyException", 400 },
        new object[] { "ResourceExistsException", 400 },
        new object[] { "ResourceNotFoundException", 400 },
        // Common AWS errors every service can answer.
        new object[] { "AccessDeniedException", 400 },
        new object[] { "UnrecognizedClientException", 400 },
        new object[] { "ValidationException", 400 },
        new object[] { "ThrottlingException", 400 },
    };

    [Theory]
    [MemberData(nameof(ModelErrors))]
    public void EachErrorCodeMapsToTheServiceException(string code, int status)
    {
        var handler = new ScriptedHttpHandler().Then((HttpStatusCode)status, $$"""{"__type":"{{code}}","message":"The thing went wrong."}""", "req-1234");
        using var client = WireClient.Create(handler, maxErrorRetry: 0);

        var error = Assert.Throws<SecretsManagerServiceException>(() => client.DescribeSecret(new DescribeSecretRequest { SecretId = "s" }));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal("The thing went wrong.", error.Message);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("req-1234", error.RequestId);
    }

    [Theory]
    [InlineData("com.amazonaws.secretsmanager#ResourceNotFoundException")]
    [InlineData("secretsmanager#ResourceNotFoundException")]
    [InlineData("ResourceNotFoundException")]
    public void TheNamespacePrefixOfTheErrorTypeIsStripped(string type)
    {
        var handler = new ScriptedHttpHandler().Then(HttpStatusCode.BadRequest, $$"""{"__type":"{{type}}","Message":"Secrets Manager can't find the specified secret."}""");
        using var client = WireClient.Create(handler, maxErrorRetry: 0);

        var error = Assert.Throws<SecretsManagerServiceException>(() => client.GetSecretValue(new GetSecretValueRequest { SecretId = "missing" }));

        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.Equal("Secrets Manager can't find the specified secret.", error.Message);
    }

    [Fact]
    public async Task AsyncCallsMapErrorsTheSameWay()
    {
        var handler = new ScriptedHttpHandler().Then(HttpStatusCode.BadRequest, """{"__type":"ResourceExistsException","message":"exists"}""", "req-async");
        using var client = WireClient.Create(handler, maxErrorRetry: 0);

        var error = await Assert.ThrowsAsync<SecretsManagerServiceException>(() => client.CreateSecretAsync(new CreateSecretRequest { Name = "dup" }));

        Assert.Equal("ResourceExistsException", error.ErrorCode);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("req-async", error.RequestId);
    }

    [Fact]
    public void AnErrorWithoutAJsonBodyStillBecomesAServiceException()
    {
        var handler = new ScriptedHttpHandler { Fallback = () => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>bad gateway</html>") } };
        using var client = WireClient.Create(handler, maxErrorRetry: 0);

        var error = Assert.Throws<SecretsManagerServiceException>(() => client.ListSecrets(new ListSecretsRequest()));

        Assert.Equal(502, error.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.ErrorCode));
    }

    [Fact]
    public void AConnectionFailureIsAConnectionExceptionNamingTheEndpoint()
    {
        int port = FreePort.Get();
        var options = new SecretsManagerClientOptions { Region = "us-east-1", AccessKeyId = "AKID", SecretAccessKey = "secret", EndpointUrl = $"http://127.0.0.1:{port}" };
        using var client = Internal.ClientBuilder.Build(options, ownedByCache: false, config => config.MaxErrorRetry = 0);

        var error = Assert.Throws<SecretsManagerConnectionException>(() => client.ListSecrets(new ListSecretsRequest()));

        Assert.Contains($"127.0.0.1:{port}", error.Message);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task AConnectionFailureOfAnAsyncCallIsAConnectionExceptionToo()
    {
        int port = FreePort.Get();
        var options = new SecretsManagerClientOptions { Region = "us-east-1", AccessKeyId = "AKID", SecretAccessKey = "secret", EndpointUrl = $"http://127.0.0.1:{port}" };
        using var client = Internal.ClientBuilder.Build(options, ownedByCache: false, config => config.MaxErrorRetry = 0);

        await Assert.ThrowsAsync<SecretsManagerConnectionException>(() => client.ListSecretsAsync(new ListSecretsRequest()));
    }

    [Fact]
    public async Task CancellationByTheCallerIsNotTranslated()
    {
        var handler = new ScriptedHttpHandler();
        using var client = WireClient.Create(handler);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ListSecretsAsync(new ListSecretsRequest(), cancelled.Token));
    }
}
