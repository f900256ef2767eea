using System.Text.Json.Nodes;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Tests.Support;

namespace SecretsManager.Engine.Tests.Wire;

/// <summary>What each operation puts on the wire: target header, JSON member names and types, omitted unset members.</summary>
public class RequestWireTests
{
    public static IEnumerable<object[]> AllOperations => Operations.Names;

    [Fact]
    public void TheClientHasAll23Operations()
    {
        Assert.Equal(23, Operations.SyncMethods.Count());
        Assert.All(Operations.SyncMethods, m => Assert.NotNull(Operations.Async(m.Name)));
    }

    [Theory]
    [MemberData(nameof(AllOperations))]
    public void EveryMemberIsSentUnderItsModelNameWithItsJsonType(string operation)
    {
        var handler = new ScriptedHttpHandler();
        using var client = WireClient.Create(handler);
        object request = ModelSamples.Full(Operations.RequestType(operation));

        Operations.Call(client, operation, request);

        var sent = Assert.Single(handler.Requests);
        JsonNode expected = ModelSamples.ToWireJson(request);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(sent.Body)), $"expected {expected.ToJsonString()}\n  actual {sent.Body}");
    }

    [Theory]
    [MemberData(nameof(AllOperations))]
    public void TheRequestIsASignedJson11PostToTheRootWithTheOperationTarget(string operation)
    {
        var handler = new ScriptedHttpHandler();
        using var client = WireClient.Create(handler);

        Operations.Call(client, operation, Operations.Minimal(operation));

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal(WireClient.Endpoint + "/", sent.Uri.AbsoluteUri);
        Assert.Equal("secretsmanager." + operation, sent.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.1", sent.Header("Content-Type"));
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={WireClient.AccessKey}/", sent.Header("Authorization"));
        Assert.Contains($"/{WireClient.Region}/secretsmanager/aws4_request", sent.Header("Authorization"));
        Assert.Contains("x-amz-target", sent.Header("Authorization"));
        Assert.NotNull(sent.Header("X-Amz-Date"));
    }

    [Theory]
    [MemberData(nameof(AllOperations))]
    public void UnsetMembersAreOmitted(string operation)
    {
        var handler = new ScriptedHttpHandler();
        using var client = WireClient.Create(handler);
        object request = Operations.Minimal(operation);

        Operations.Call(client, operation, request);

        JsonObject body = Assert.Single(handler.Requests).Json;
        var expectedNames = ModelSamples.WireProperties(request.GetType()).Where(p => p.GetValue(request) != null).Select(p => p.Name).ToList();
        if (Operations.IdempotentOperations.Contains(operation)) { expectedNames.Add("ClientRequestToken"); }
        Assert.Equal(expectedNames.OrderBy(n => n), body.Select(p => p.Key).OrderBy(n => n));
        Assert.DoesNotContain(body, p => p.Value is null);
    }

    [Fact]
    public void BlobsAreBase64AndNumbersAndBooleansKeepTheirJsonTypes()
    {
        var handler = new ScriptedHttpHandler();
        using var client = WireClient.Create(handler);

        client.PutSecretValue(new PutSecretValueRequest { SecretId = "bin", SecretBinary = new byte[] { 0xFF, 0x00, 0x7F }, ClientRequestToken = "token-1234567890-1234567890-1234567890" });
        client.DeleteSecret(new DeleteSecretRequest { SecretId = "s", RecoveryWindowInDays = 7, ForceDeleteWithoutRecovery = false });
        client.ListSecrets(new ListSecretsRequest { MaxResults = 100, SortOrder = "asc", Filters = new() { new Filter { Key = "tag-key", Values = new() { "env" } } } });

        Assert.Equal("""{"SecretId":"bin","ClientRequestToken":"token-1234567890-1234567890-1234567890","SecretBinary":"/wB/"}""", handler.Requests[0].Body);
        Assert.Equal("""{"SecretId":"s","RecoveryWindowInDays":7,"ForceDeleteWithoutRecovery":false}""", handler.Requests[1].Body);
        Assert.Equal("""{"MaxResults":100,"Filters":[{"Key":"tag-key","Values":["env"]}],"SortOrder":"asc"}""", handler.Requests[2].Body);
    }

    [Fact]
    public async Task AsyncCallsSendTheSameRequestAsSyncCalls()
    {
        var handler = new ScriptedHttpHandler();
        using var client = WireClient.Create(handler);
        var request = new RotateSecretRequest { SecretId = "s", ClientRequestToken = "fixed-token-000000000000000000000000", RotationRules = new RotationRulesType { ScheduleExpression = "rate(10 days)", Duration = "2h" }, RotateImmediately = false };

        client.RotateSecret(request);
        await client.RotateSecretAsync(request);

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(handler.Requests[0].Body, handler.Requests[1].Body);
        Assert.Equal(handler.Requests[0].Header("X-Amz-Target"), handler.Requests[1].Header("X-Amz-Target"));
    }

    [Theory]
    [MemberData(nameof(AllOperations))]
    public void MissingRequiredMembersFailBeforeAnythingIsSent(string operation)
    {
        var handler = new ScriptedHttpHandler();
        using var client = WireClient.Create(handler);
        var required = Operations.RequiredMembers.Where(r => r.StartsWith(operation + "Request.", StringComparison.Ordinal)).ToList();
        if (required.Count == 0)
        {
            // Nothing required: an empty request is valid and is sent.
            Operations.Call(client, operation, Activator.CreateInstance(Operations.RequestType(operation)));
            Assert.Single(handler.Requests);
            return;
        }

        var error = Assert.Throws<ArgumentException>(() => Operations.Call(client, operation, Activator.CreateInstance(Operations.RequestType(operation))));

        Assert.Contains(required[0], error.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void ANullRequestIsAnArgumentNullException()
    {
        using var client = WireClient.Create(new ScriptedHttpHandler());
        var error = Assert.Throws<ArgumentNullException>(() => client.GetSecretValue(null));
        Assert.Equal("request", error.ParamName);
    }
}
