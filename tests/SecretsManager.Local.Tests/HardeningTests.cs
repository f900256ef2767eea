using System.Net;
using System.Text;
using System.Text.Json;
using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>
/// A local endpoint that can't be turned against its user: browsers and DNS rebinding are shut out, only --port
/// listens, every x-amz-* header must be signed, and malformed requests get a 4xx (never a 500 a client retries).
/// </summary>
public class HardeningTests : LocalServerTestBase
{
    public HardeningTests(LocalServerFixture fixture) : base(fixture) { }

    private static readonly HttpClient Http = new();

    private async Task<HttpStatusCode> RawHook(string path, Action<HttpRequestMessage> shape)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Fixture.Url.TrimEnd('/') + path) { Content = new ByteArrayContent([]) };
        shape(request);
        using var response = await Http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_hook_request_from_a_web_page_is_refused_and_changes_nothing()
    {
        await CreateSecret("kept");
        var status = await RawHook("/_local/reset", r =>
        {
            r.Headers.Add("Origin", "https://evil.example");
            r.Headers.Add("X-SecretsManager-Local-Hook", "1");
        });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Single(await ListAll());
    }

    [Fact]
    public async Task A_hook_request_without_the_hook_header_is_refused_as_a_simple_request_from_a_page_would_be()
    {
        await CreateSecret("kept");
        Assert.Equal(HttpStatusCode.Forbidden, await RawHook("/_local/reset", _ => { }));
        Assert.Equal(HttpStatusCode.Forbidden, await RawHook("/_local/clock/advance?seconds=864000", _ => { }));
        Assert.Single(await ListAll());
    }

    [Fact]
    public async Task A_hook_request_addressed_to_another_host_is_refused()
    {
        await CreateSecret("kept");
        var port = new Uri(Fixture.Url).Port;
        var status = await RawHook("/_local/reset", r =>
        {
            r.Headers.Host = $"rebound.evil.example:{port}";
            r.Headers.Add("X-SecretsManager-Local-Hook", "1");
        });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Single(await ListAll());
    }

    [Fact]
    public async Task A_signed_API_call_addressed_to_another_host_is_refused_so_DNS_rebinding_gets_nothing()
    {
        await CreateSecret("kept", "the-value");
        var port = new Uri(Fixture.Url).Port;
        var response = await Client.CallAsync("GetSecretValue", new { SecretId = "kept" }, new SignOptions { Host = $"rebound.evil.example:{port}" });
        Assert.Equal(403, response.Status);
        Assert.DoesNotContain("the-value", response.Body);
        Assert.Equal(200, (await Client.CallAsync("GetSecretValue", new { SecretId = "kept" }, new SignOptions { Host = $"localhost:{port}" })).Status);
    }

    [Fact]
    public async Task An_unsigned_X_Amz_Target_is_InvalidSignatureException_so_a_relay_cannot_change_the_operation()
    {
        await CreateSecret("kept");
        var response = await Client.CallAsync("DeleteSecret", new { SecretId = "kept", ForceDeleteWithoutRecovery = true }, new SignOptions { TargetUnsigned = true });
        Assert.Equal("InvalidSignatureException", response.ErrorCode);
        Assert.Single(await ListAll());
    }

    public static TheoryData<string, byte[]> MalformedText() => new()
    {
        { "invalid UTF-8 inside a string", Encoding.UTF8.GetBytes("{\"Name\":\"bad\",\"SecretString\":\"").Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray() },
        { "an escaped lone surrogate", Encoding.UTF8.GetBytes("{\"Name\":\"bad\",\"SecretString\":\"x\\ud800y\"}") },
        { "an escaped lone surrogate in a member name", Encoding.UTF8.GetBytes("{\"Name\":\"bad\",\"\\udc00\":\"v\"}") },
    };

    [Theory]
    [MemberData(nameof(MalformedText))]
    public async Task A_body_whose_strings_are_not_text_is_SerializationException_400(string what, byte[] body)
    {
        var response = await Client.CallRawAsync("CreateSecret", "", new SignOptions { Payload = body });
        Assert.True(response.Status == 400 && response.ErrorCode == "SerializationException", $"{what}: {response}");
        Assert.Empty(await ListAll());
    }

    [Fact]
    public async Task A_body_over_4_MiB_is_413_RequestEntityTooLargeException()
    {
        var body = Encoding.UTF8.GetBytes("{\"Name\":\"big\",\"SecretString\":\"" + new string('x', 4 * 1024 * 1024) + "\"}");
        var response = await Client.CallRawAsync("CreateSecret", "", new SignOptions { Payload = body });
        Assert.True(response.Status == 413 && response.ErrorCode == "RequestEntityTooLargeException", response.ToString());
        Assert.Empty(await ListAll());
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e300")]
    [InlineData("-1")]
    [InlineData("soon")]
    public async Task A_bad_clock_advance_is_400(string seconds)
    {
        var response = await Client.HookAsync(HttpMethod.Post, "/_local/clock/advance?seconds=" + Uri.EscapeDataString(seconds));
        Assert.True(response.Status == 400, $"seconds={seconds}: {response}");
    }

    [Fact]
    public async Task Deleting_250_secrets_while_listing_them_100_at_a_time_leaves_none()
    {
        // The cleanup script of the issue: Get-SmSecret -Name 'x/*' | Remove-SmSecret -WithoutRecovery -Force.
        for (int i = 0; i < 250; i++) await CreateSecret($"x/{i:D3}", "v");
        string? token = null;
        var deleted = 0;
        do
        {
            var body = new Dictionary<string, object?> { ["MaxResults"] = 100, ["Filters"] = new[] { new { Key = "name", Values = new[] { "x/" } } } };
            if (token is not null) body["NextToken"] = token;
            var page = await Ok("ListSecrets", body);
            foreach (var entry in page.GetProperty("SecretList").EnumerateArray())
            {
                await Ok("DeleteSecret", new { SecretId = SmAssert.Str(entry, "ARN"), ForceDeleteWithoutRecovery = true });
                deleted++;
            }
            token = page.TryGetProperty("NextToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        } while (token is not null);
        Assert.Equal(250, deleted);
        Assert.Empty(await ListAll(new Dictionary<string, object?> { ["IncludePlannedDeletion"] = true }));
    }
}
