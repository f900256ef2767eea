using System.Text;
using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>SigV4 verification against the configured key pair, with AWS's error codes.</summary>
public class AuthTests : LocalServerTestBase
{
    public AuthTests(LocalServerFixture fixture) : base(fixture) { }

    private static readonly object CreateBody = new { Name = "auth-probe", SecretString = "v" };

    private async Task AssertNothingCreated() =>
        await Fails("DescribeSecret", new { SecretId = "auth-probe" }, "ResourceNotFoundException");

    [Fact]
    public async Task A_correctly_signed_request_is_accepted()
    {
        SmAssert.Ok(await Client.CallAsync("CreateSecret", CreateBody));
        await Describe("auth-probe");
    }

    [Fact]
    public async Task No_authorization_header_is_MissingAuthenticationTokenException()
    {
        var response = await Client.CallAsync("CreateSecret", CreateBody, new SignOptions { Unsigned = true });
        SmAssert.Error(response, "MissingAuthenticationTokenException");
        await AssertNothingCreated();
    }

    [Fact]
    public async Task Wrong_secret_key_is_InvalidSignatureException()
    {
        var response = await Client.CallAsync("CreateSecret", CreateBody, new SignOptions { SecretKey = "not-the-secret" });
        SmAssert.Error(response, "InvalidSignatureException");
        await AssertNothingCreated();
    }

    [Fact]
    public async Task Unknown_access_key_is_UnrecognizedClientException()
    {
        var response = await Client.CallAsync("CreateSecret", CreateBody,
            new SignOptions { AccessKey = "AKIAUNKNOWNKEY000000", SecretKey = "test" });
        SmAssert.Error(response, "UnrecognizedClientException");
        await AssertNothingCreated();
    }

    [Fact]
    public async Task Body_altered_after_signing_is_InvalidSignatureException()
    {
        var tampered = Encoding.UTF8.GetBytes("""{"Name":"auth-probe","SecretString":"evil"}""");
        var response = await Client.CallAsync("CreateSecret", CreateBody, new SignOptions { BodySentInsteadOfSigned = tampered });
        SmAssert.Error(response, "InvalidSignatureException");
        await AssertNothingCreated();
    }

    [Fact]
    public async Task Signature_scoped_to_another_service_is_InvalidSignatureException()
    {
        var response = await Client.CallAsync("CreateSecret", CreateBody, new SignOptions { Service = "dynamodb" });
        SmAssert.Error(response, "InvalidSignatureException");
        await AssertNothingCreated();
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    [InlineData(-60 * 24)]
    public async Task Request_dated_more_than_five_minutes_off_is_InvalidSignatureException(int minutes)
    {
        var response = await Client.CallAsync("CreateSecret", CreateBody,
            new SignOptions { SignedAt = DateTime.UtcNow.AddMinutes(minutes) });
        SmAssert.Error(response, "InvalidSignatureException");
        await AssertNothingCreated();
    }

    [Theory]
    [InlineData(-4)]
    [InlineData(4)]
    public async Task Request_dated_within_five_minutes_is_accepted(int minutes)
    {
        var response = await Client.CallAsync("CreateSecret", CreateBody,
            new SignOptions { SignedAt = DateTime.UtcNow.AddMinutes(minutes) });
        SmAssert.Ok(response);
    }

    [Fact]
    public async Task Signature_check_uses_real_time_even_after_the_test_clock_moved()
    {
        // The test clock simulates days passing for recovery windows; clients still sign with the real time.
        await AdvanceClock(TimeSpan.FromDays(3));
        SmAssert.Ok(await Client.CallAsync("CreateSecret", CreateBody));
    }

    [Fact]
    public async Task A_configured_key_pair_replaces_the_default()
    {
        await using var server = await LocalServer.StartAsync(new LocalServerOptions
        {
            Port = 0, AccessKey = "AKIDLOCALEXAMPLE", SecretKey = "local/secret+key",
        });
        using var client = new SmClient(server.Url);

        SmAssert.Error(await client.CallAsync("ListSecrets", new { }), "UnrecognizedClientException");
        SmAssert.Error(await client.CallAsync("ListSecrets", new { },
            new SignOptions { AccessKey = "AKIDLOCALEXAMPLE", SecretKey = "test" }), "InvalidSignatureException");
        SmAssert.Ok(await client.CallAsync("ListSecrets", new { },
            new SignOptions { AccessKey = "AKIDLOCALEXAMPLE", SecretKey = "local/secret+key" }));
    }

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 garbage")]
    [InlineData("AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/secretsmanager/aws4_request")]
    public async Task A_malformed_authorization_header_is_IncompleteSignatureException(string authorization)
    {
        var response = await Client.CallAsync("CreateSecret", CreateBody, new SignOptions { AuthorizationOverride = authorization });
        SmAssert.Error(response, "IncompleteSignatureException");
        await AssertNothingCreated();
    }

    [Fact]
    public async Task A_request_without_a_date_header_is_IncompleteSignatureException()
    {
        var response = await Client.CallAsync("CreateSecret", CreateBody, new SignOptions { OmitDateHeader = true });
        SmAssert.Error(response, "IncompleteSignatureException");
        await AssertNothingCreated();
    }

    [Fact]
    public async Task Extra_signed_headers_are_canonicalized_like_AWS_does()
    {
        // Real clients sign more headers; SigV4 lower-cases names and collapses runs of spaces in values.
        var response = await Client.CallAsync("CreateSecret", CreateBody, new SignOptions
        {
            ExtraSignedHeaders = new Dictionary<string, string>
            {
                ["X-Amz-User-Agent"] = "interop-test/1.0   (several   spaces)",
                ["User-Agent"] = "SmTests/1.0",
            },
        });
        SmAssert.Ok(response);
    }

    [Fact]
    public async Task A_signature_for_another_region_is_checked_against_that_region()
    {
        // The scope names eu-west-1 and the signature is valid for it: the request is served, in eu-west-1.
        SmAssert.Ok(await Client.CallAsync("CreateSecret", CreateBody, SignOptions.ForRegion("eu-west-1")));
        Assert.Contains(":eu-west-1:", SmAssert.Str(await Describe("auth-probe", "eu-west-1"), "ARN"));
        await AssertNothingCreated();
    }
}
