using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Internal;

namespace SecretsManager.Engine.Tests.Wire;

/// <summary>Whatever the SDK pipeline throws leaves the engine as one of its own three exception types.</summary>
public class ExceptionTranslatorTests
{
    private static readonly ClientResolution Resolution = new("us-east-1", "test", "test credentials", "https://secretsmanager.us-east-1.amazonaws.com", "test");

    public static IEnumerable<object[]> SdkFailures => new[]
    {
        new object[] { new AmazonClientException("Unable to get IAM security credentials from EC2 Instance Metadata Service.", new HttpRequestException("No route to host")), typeof(SecretsManagerConfigurationException) },
        new object[] { new ProcessAWSCredentialException("Command returned non-zero exit value 1"), typeof(SecretsManagerConfigurationException) },
        new object[] { new Amazon.Runtime.SignatureException("Failed to sign"), typeof(SecretsManagerConfigurationException) },
        new object[] { new AmazonClientException("Something else in the SDK"), typeof(SecretsManagerConfigurationException) },
        new object[] { new HttpRequestException("Name or service not known", new SocketException((int)SocketError.HostNotFound)), typeof(SecretsManagerConnectionException) },
        new object[] { new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout"), typeof(SecretsManagerConnectionException) },
        new object[] { new IOException("The response ended prematurely."), typeof(SecretsManagerConnectionException) },
        new object[] { new AmazonServiceException("boom", ErrorType.Receiver, "com.amazonaws.secretsmanager#InternalServiceError", "rid", HttpStatusCode.InternalServerError), typeof(SecretsManagerServiceException) },
        new object[] { new AmazonServiceException("no code", null, HttpStatusCode.ServiceUnavailable), typeof(SecretsManagerServiceException) },
    };

    [Theory]
    [MemberData(nameof(SdkFailures))]
    public void SdkFailuresBecomeEngineExceptions(Exception failure, Type expected)
    {
        Exception translated = ExceptionTranslator.Translate(failure, "ListSecrets", Resolution);

        Assert.IsType(expected, translated);
        Assert.DoesNotContain("Amazon.", translated.GetType().FullName);
    }

    [Fact]
    public void AServiceErrorWithoutACodeIsNamedAfterItsHttpStatus()
    {
        var translated = (SecretsManagerServiceException)ExceptionTranslator.Translate(new AmazonServiceException("no code", null, HttpStatusCode.ServiceUnavailable), "ListSecrets", Resolution);

        Assert.Equal("ServiceUnavailable", translated.ErrorCode);
        Assert.Equal(503, translated.StatusCode);
    }

    [Fact]
    public void ConnectionErrorsNameTheEndpointAndItsSource()
    {
        var translated = ExceptionTranslator.Translate(new HttpRequestException("Connection refused"), "GetSecretValue", Resolution);

        Assert.Equal("Could not reach Secrets Manager at https://secretsmanager.us-east-1.amazonaws.com (from test) for GetSecretValue: Connection refused", translated.Message);
    }

    [Fact]
    public void CallerErrorsAreLeftAlone()
    {
        Assert.Null(ExceptionTranslator.Translate(new ArgumentException("bad"), "ListSecrets", Resolution));
        Assert.Null(ExceptionTranslator.Translate(new SecretsManagerServiceException("X", "m", 400, "r"), "ListSecrets", Resolution));
    }
}
