using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Amazon;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Tests.Support;

namespace SecretsManager.Engine.Tests.Wire;

/// <summary>Secret values never reach ToString(), exception text or the SDK's own logs.</summary>
[Collection(ProcessStateCollection.Name)]
public class RedactionTests
{
    private const string Secret = "TOP-SECRET-7f3a9c";
    private static readonly byte[] SecretBytes = Encoding.UTF8.GetBytes("BINARY-SECRET-51d2");
    private static readonly string SecretBase64 = Convert.ToBase64String(SecretBytes);

    public static IEnumerable<object[]> ModelsWithSecrets => new[]
    {
        new object[] { new CreateSecretRequest { Name = "n", SecretString = Secret, SecretBinary = SecretBytes } },
        new object[] { new UpdateSecretRequest { SecretId = "n", SecretString = Secret, SecretBinary = SecretBytes } },
        new object[] { new PutSecretValueRequest { SecretId = "n", SecretString = Secret, SecretBinary = SecretBytes } },
        new object[] { new GetSecretValueResponse { Name = "n", SecretString = Secret, SecretBinary = SecretBytes } },
        new object[] { new SecretValueEntry { Name = "n", SecretString = Secret, SecretBinary = SecretBytes } },
        new object[] { new GetRandomPasswordResponse { RandomPassword = Secret } },
        new object[] { new BatchGetSecretValueResponse { SecretValues = new() { new SecretValueEntry { SecretString = Secret } } } },
    };

    [Theory]
    [MemberData(nameof(ModelsWithSecrets))]
    public void ToStringNeverShowsSecretValues(object model)
    {
        string text = model.ToString();

        Assert.DoesNotContain(Secret, text);
        Assert.DoesNotContain(SecretBase64, text);
        Assert.StartsWith(model.GetType().Name, text);
    }

    [Fact]
    public void ToStringShowsOrdinaryMembersAndMarksSecretOnesRedacted()
    {
        string text = new GetSecretValueResponse { Name = "app/db", SecretString = Secret, VersionStages = new() { "AWSCURRENT" } }.ToString();

        Assert.Contains("Name = app/db", text);
        Assert.Contains("SecretString = (redacted)", text);
        Assert.Contains("VersionStages = [1 item(s)]", text);
    }

    [Fact]
    public void OptionsToStringNeverShowsTheSecretKeyOrToken()
    {
        var options = new SecretsManagerClientOptions { AccessKeyId = "AKIDEXAMPLE", SecretAccessKey = Secret, SessionToken = Secret + "-token" };

        Assert.DoesNotContain(Secret, options.ToString());
    }

    [Fact]
    public void TheSdkLogsNoBodiesEvenWithEveryLoggingSwitchOn()
    {
        var log = new StringBuilder();
        var listener = new TextWriterTraceListener(new StringWriter(log)) { Name = "redaction-test" };
        var logging = AWSConfigs.LoggingConfig;
        var (logTo, logResponses, logMetrics) = (logging.LogTo, logging.LogResponses, logging.LogMetrics);
        try
        {
            logging.LogTo = LoggingOptions.SystemDiagnostics;
            logging.LogResponses = ResponseLoggingOption.Always;
            logging.LogMetrics = true;
            AWSConfigs.AddTraceListener("Amazon", listener);

            var handler = new ScriptedHttpHandler()
                .Then(HttpStatusCode.OK, $$"""{"Name":"n","SecretString":"{{Secret}}","SecretBinary":"{{SecretBase64}}"}""")
                .Then(HttpStatusCode.OK, """{"ARN":"a","Name":"n","VersionId":"v"}""")
                .Then(HttpStatusCode.OK, $$"""{"RandomPassword":"{{Secret}}"}""")
                .Then(HttpStatusCode.OK, $$"""{"SecretValues":[{"Name":"n","SecretString":"{{Secret}}"}],"Errors":[]}""");
            // The worst case: a client whose own logging switches are on too.
            using var client = Internal.ClientBuilder.Build(
                new SecretsManagerClientOptions { Region = "us-east-1", AccessKeyId = "AKIDEXAMPLE", SecretAccessKey = "secret-key", EndpointUrl = WireClient.Endpoint },
                ownedByCache: false,
                config =>
                {
                    config.HttpClientFactory = new ScriptedHttpClientFactory(handler);
                    config.DisableLogging = false;
                    config.LogResponse = true;
                    config.LogMetrics = true;
                });

            Assert.Equal(Secret, client.GetSecretValue(new GetSecretValueRequest { SecretId = "n" }).SecretString);
            client.PutSecretValue(new PutSecretValueRequest { SecretId = "n", SecretString = Secret, SecretBinary = SecretBytes });
            client.GetRandomPassword(new GetRandomPasswordRequest());
            client.BatchGetSecretValue(new BatchGetSecretValueRequest { SecretIdList = new() { "n" } });
            listener.Flush();
        }
        finally
        {
            AWSConfigs.RemoveTraceListener("Amazon", listener.Name);
            (logging.LogTo, logging.LogResponses, logging.LogMetrics) = (logTo, logResponses, logMetrics);
        }

        string text = log.ToString();
        // The SDK's trace source was live (so the checks below are meaningful), but it wrote no body or secret.
        Assert.Contains("Amazon", text);
        Assert.DoesNotContain(Secret, text);
        Assert.DoesNotContain(SecretBase64, text);
        Assert.DoesNotContain("secret-key", text);
    }

    [Fact]
    public void AServiceErrorThatEchoesTheSentSecretIsScrubbed()
    {
        var handler = new ScriptedHttpHandler().Then(HttpStatusCode.BadRequest,
            $$"""{"__type":"ValidationException","message":"Value '{{Secret}}' at 'secretString' failed; binary {{SecretBase64}} too"}""");
        using var client = WireClient.Create(handler, maxErrorRetry: 0);

        var error = Assert.Throws<SecretsManagerServiceException>(() => client.PutSecretValue(new PutSecretValueRequest { SecretId = "n", SecretString = Secret, SecretBinary = SecretBytes }));

        Assert.Equal("Value '(redacted)' at 'secretString' failed; binary (redacted) too", error.Message);
        Assert.DoesNotContain(Secret, error.ToString());
        Assert.DoesNotContain(SecretBase64, error.ToString());
        Assert.Equal("ValidationException", error.ErrorCode);
    }

    [Fact]
    public void AServiceErrorThatEchoesNoSecretKeepsItsMessageAndInnerException()
    {
        var handler = new ScriptedHttpHandler().Then(HttpStatusCode.BadRequest, """{"__type":"ResourceNotFoundException","message":"Secrets Manager can't find the specified secret."}""");
        using var client = WireClient.Create(handler, maxErrorRetry: 0);

        var error = Assert.Throws<SecretsManagerServiceException>(() => client.PutSecretValue(new PutSecretValueRequest { SecretId = "n", SecretString = Secret }));

        Assert.Equal("Secrets Manager can't find the specified secret.", error.Message);
        Assert.NotNull(error.InnerException);
    }

    [Theory]
    [InlineData("short 'ab' and ab", "ab", "short '(redacted)' and ab")]
    [InlineData("quoted \"ab\"", "ab", "quoted \"(redacted)\"")]
    [InlineData("long value longsecret1 here", "longsecret1", "long value (redacted) here")]
    [InlineData("nothing to see", "longsecret1", "nothing to see")]
    public void ScrubbingReplacesQuotedSecretsAndLongUnquotedOnes(string message, string secret, string expected)
    {
        Assert.Equal(expected, Internal.SentSecrets.Scrub(message, Internal.SentSecrets.Of(secret)));
    }

    [Fact]
    public void AnUnreadableResponseDoesNotQuoteItsBodyInTheException()
    {
        // Truncated JSON that contains a secret: the error must not echo it.
        var handler = new ScriptedHttpHandler().Then(HttpStatusCode.OK, $$"""{"Name":"n","SecretString":"{{Secret}}" """);
        using var client = WireClient.Create(handler, maxErrorRetry: 0);

        var error = Assert.Throws<SecretsManagerServiceException>(() => client.GetSecretValue(new GetSecretValueRequest { SecretId = "n" }));

        Assert.Equal("InvalidResponse", error.ErrorCode);
        Assert.DoesNotContain(Secret, error.ToString());
    }
    public static IEnumerable<object[]> ErrorBodiesThatEchoTheSecret => new[]
    {
        // A proxy or WAF that echoes the request body in an HTML page.
        new object[] { HttpStatusCode.BadGateway, "text/html", $"<html><body>upstream failed for request {{\"SecretString\":\"{Secret}\"}}</body></html>" },
        // JSON whose message member is named "Message" (capital M), as some services send it.
        new object[] { HttpStatusCode.BadRequest, "application/x-amz-json-1.1", $$"""{"__type":"ValidationException","Message":"bad value {{Secret}}"}""" },
        // JSON error that echoes the secret in a member other than the message.
        new object[] { HttpStatusCode.BadRequest, "application/x-amz-json-1.1", $$"""{"__type":"ValidationException","message":"invalid","Value":"{{Secret}}"}""" },
        // Plain text that echoes the base64 of the binary secret.
        new object[] { HttpStatusCode.InternalServerError, "text/plain", $"failed: {SecretBase64}" },
    };

    [Theory]
    [MemberData(nameof(ErrorBodiesThatEchoTheSecret))]
    public void AnErrorBodyThatEchoesTheSentSecretNeverReachesTheExceptionOrItsInnerExceptions(HttpStatusCode status, string contentType, string body)
    {
        var handler = new ScriptedHttpHandler
        {
            Fallback = () => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) },
        };
        using var client = WireClient.Create(handler, maxErrorRetry: 0);

        var error = Assert.ThrowsAny<Exception>(() => client.PutSecretValue(new PutSecretValueRequest { SecretId = "n", SecretString = Secret, SecretBinary = SecretBytes }));

        // A 5xx after a write leaves its outcome open, so the answer may also be the outcome-unknown error around it.
        Assert.True(error is SecretsManagerServiceException || error is SecretsManagerOutcomeUnknownException, error.GetType().Name);
        for (Exception e = error; e != null; e = e.InnerException)
        {
            Assert.DoesNotContain(Secret, e.ToString());
            Assert.DoesNotContain(SecretBase64, e.ToString());
            foreach (System.Collections.DictionaryEntry entry in e.Data)
            {
                Assert.DoesNotContain(Secret, entry.Value?.ToString() ?? "");
            }
        }
    }

    // A JSON value: between its escapes no run reaches 8 characters, so only the escaped form can match.
    private const string JsonSecret = @"{""user"":""u1"",""pw"":""x9""}";

    public static IEnumerable<object[]> PartialAndEscapedEchoes => new[]
    {
        // Part of the value (a 12-character run of the 18-character secret), as a length or pattern error might show it.
        new object[] { Secret, "Value starting SECRET-7f3a9 is too long" },
        // The value JSON-escaped, as an endpoint that embeds the request body shows it.
        new object[] { JsonSecret, @"Request body {""SecretString"":""{\""user\"":\""u1\"",\""pw\"":\""x9\""}""} refused" },
        // Half of the JSON-escaped value.
        new object[] { JsonSecret, @"near \""u1\"",\""pw\"":\""x here" },
    };

    [Theory]
    [MemberData(nameof(PartialAndEscapedEchoes))]
    public void PartialAndJsonEscapedEchoesAreScrubbed(string secret, string message)
    {
        var handler = new ScriptedHttpHandler().Then(HttpStatusCode.BadRequest,
            JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = "ValidationException", ["message"] = message }));
        using var client = WireClient.Create(handler, maxErrorRetry: 0);

        var error = Assert.Throws<SecretsManagerServiceException>(() => client.PutSecretValue(new PutSecretValueRequest { SecretId = "n", SecretString = secret }));

        Assert.Contains("(redacted)", error.Message);
        Assert.Null(error.InnerException);
        string escaped = JsonSerializer.Serialize(secret)[1..^1];
        foreach (var text in new[] { error.ToString(), error.Message })
        {
            for (int i = 0; i + 8 <= secret.Length; i++) Assert.DoesNotContain(secret.Substring(i, 8), text);
            for (int i = 0; i + 8 <= escaped.Length; i++) Assert.DoesNotContain(escaped.Substring(i, 8), text);
        }
    }

    [Fact]
    public void AnErrorCodeThatEchoesTheValueIsReplaced()
    {
        var handler = new ScriptedHttpHandler().Then(HttpStatusCode.BadRequest,
            $$"""{"__type":"{{Secret}}","message":"odd endpoint"}""");
        using var client = WireClient.Create(handler, maxErrorRetry: 0);

        var error = Assert.Throws<SecretsManagerServiceException>(() => client.PutSecretValue(new PutSecretValueRequest { SecretId = "n", SecretString = Secret }));

        Assert.Equal("RedactedErrorCode", error.ErrorCode);
        Assert.DoesNotContain(Secret, error.ToString());
        Assert.Contains("error code held the secret value", error.Message);
        Assert.Null(error.InnerException);
    }
}
