using System.Net;
using System.Text.Json.Nodes;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Tests.Support;

namespace SecretsManager.Engine.Tests.Wire;

/// <summary>The members of AWS's December 2025 model, both ways, named explicitly (the reflective wire tests cover them too).</summary>
public class ManagedExternalSecretWireTests
{
    [Fact]
    public void RotateSecretSendsTheRoleAndTheMetadataAsAListOfKeyValueObjects()
    {
        var handler = new ScriptedHttpHandler().Then(HttpStatusCode.OK, """{"ARN":"a","Name":"n"}""");
        using var client = WireClient.Create(handler);

        client.RotateSecret(new RotateSecretRequest
        {
            SecretId = "partner/sf",
            ExternalSecretRotationRoleArn = "arn:aws:iam::123456789012:role/r",
            ExternalSecretRotationMetadata = new List<ExternalSecretRotationMetadataItem> { new() { Key = "k1", Value = "v1" }, new() { Key = "k2", Value = "v2" } },
        });

        var body = JsonNode.Parse(Assert.Single(handler.Requests).Body)!;
        Assert.Equal("arn:aws:iam::123456789012:role/r", (string)body["ExternalSecretRotationRoleArn"]!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[{"Key":"k1","Value":"v1"},{"Key":"k2","Value":"v2"}]"""), body["ExternalSecretRotationMetadata"]));
    }

    [Fact]
    public void CreateAndUpdateSendTypeAndListSecretsSendsSortBy()
    {
        var handler = new ScriptedHttpHandler()
            .Then(HttpStatusCode.OK, """{"ARN":"a","Name":"n"}""")
            .Then(HttpStatusCode.OK, """{"ARN":"a","Name":"n"}""")
            .Then(HttpStatusCode.OK, """{"SecretList":[]}""");
        using var client = WireClient.Create(handler);

        client.CreateSecret(new CreateSecretRequest { Name = "n", Type = "SalesforceClientSecret" });
        client.UpdateSecret(new UpdateSecretRequest { SecretId = "n", Type = "SnowflakePat" });
        client.ListSecrets(new ListSecretsRequest { SortBy = "last-changed-date", SortOrder = "desc" });

        Assert.Equal("SalesforceClientSecret", (string)JsonNode.Parse(handler.Requests[0].Body)!["Type"]!);
        Assert.Equal("SnowflakePat", (string)JsonNode.Parse(handler.Requests[1].Body)!["Type"]!);
        var list = JsonNode.Parse(handler.Requests[2].Body)!;
        Assert.Equal("last-changed-date", (string)list["SortBy"]!);
        Assert.Equal("desc", (string)list["SortOrder"]!);
    }

    [Fact]
    public void DescribeSecretAndListSecretsReadTypeRoleAndMetadata()
    {
        const string Members = "\"Type\":\"SalesforceClientSecret\",\"ExternalSecretRotationRoleArn\":\"arn:aws:iam::123456789012:role/r\",\"ExternalSecretRotationMetadata\":[{\"Key\":\"k\",\"Value\":\"v\"}]";
        var handler = new ScriptedHttpHandler()
            .Then(HttpStatusCode.OK, "{\"ARN\":\"a\"," + Members + "}")
            .Then(HttpStatusCode.OK, "{\"SecretList\":[{\"ARN\":\"a\"," + Members + "}]}");
        using var client = WireClient.Create(handler);

        var described = client.DescribeSecret(new DescribeSecretRequest { SecretId = "a" });
        var listed = Assert.Single(client.ListSecrets(new ListSecretsRequest()).SecretList);

        foreach (var (type, role, metadata) in new[] { (described.Type, described.ExternalSecretRotationRoleArn, described.ExternalSecretRotationMetadata), (listed.Type, listed.ExternalSecretRotationRoleArn, listed.ExternalSecretRotationMetadata) })
        {
            Assert.Equal("SalesforceClientSecret", type);
            Assert.Equal("arn:aws:iam::123456789012:role/r", role);
            var item = Assert.Single(metadata);
            Assert.Equal(("k", "v"), (item.Key, item.Value));
        }
    }
}
