using System.Net;
using System.Text.Json.Nodes;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Tests.Support;

namespace SecretsManager.Engine.Tests.Wire;

/// <summary>Responses with every member set are read completely, with the right .NET types.</summary>
public class ResponseWireTests
{
    public static IEnumerable<object[]> AllOperations => Operations.Names;

    [Theory]
    [MemberData(nameof(AllOperations))]
    public void EveryResponseMemberIsRead(string operation)
    {
        Type responseType = Operations.ResponseType(operation);
        JsonNode full = ModelSamples.ToWireJson(ModelSamples.Full(responseType));
        var handler = new ScriptedHttpHandler().Then(HttpStatusCode.OK, full.ToJsonString());
        using var client = WireClient.Create(handler);

        object response = Operations.Call(client, operation, Operations.Minimal(operation));

        Assert.IsType(responseType, response);
        JsonNode read = ModelSamples.ToWireJson(response);
        Assert.True(JsonNode.DeepEquals(full, read), $"sent {full.ToJsonString()}\n read {read.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(AllOperations))]
    public async Task EveryResponseMemberIsReadByTheAsyncMethodToo(string operation)
    {
        Type responseType = Operations.ResponseType(operation);
        JsonNode full = ModelSamples.ToWireJson(ModelSamples.Full(responseType));
        var handler = new ScriptedHttpHandler().Then(HttpStatusCode.OK, full.ToJsonString());
        using var client = WireClient.Create(handler);

        object response = await Operations.CallAsync(client, operation, Operations.Minimal(operation));

        Assert.True(JsonNode.DeepEquals(full, ModelSamples.ToWireJson(response)));
    }

    [Fact]
    public void TimestampsAreEpochSecondsWithFractionsAsUtc()
    {
        var handler = new ScriptedHttpHandler().Then(HttpStatusCode.OK,
            """{"Name":"n","CreatedDate":1700000000.123,"LastChangedDate":1700000000,"DeletedDate":null,"RotationEnabled":false,"Tags":[]}""");
        using var client = WireClient.Create(handler);

        var response = client.DescribeSecret(new DescribeSecretRequest { SecretId = "n" });

        Assert.Equal(new DateTime(2023, 11, 14, 22, 13, 20, 123, DateTimeKind.Utc), response.CreatedDate);
        Assert.Equal(DateTimeKind.Utc, response.CreatedDate.Value.Kind);
        Assert.Equal(new DateTime(2023, 11, 14, 22, 13, 20, DateTimeKind.Utc), response.LastChangedDate);
        Assert.Null(response.DeletedDate);
        Assert.False(response.RotationEnabled);
        Assert.Empty(response.Tags);
        Assert.Null(response.ReplicationStatus);
    }

    [Fact]
    public void BinarySecretsAreDecodedFromBase64()
    {
        var handler = new ScriptedHttpHandler().Then(HttpStatusCode.OK, """{"Name":"n","SecretBinary":"/wB/","VersionStages":["AWSCURRENT"]}""");
        using var client = WireClient.Create(handler);

        var response = client.GetSecretValue(new GetSecretValueRequest { SecretId = "n" });

        Assert.Equal(new byte[] { 0xFF, 0x00, 0x7F }, response.SecretBinary);
        Assert.Null(response.SecretString);
    }

    [Fact]
    public void UnknownMembersAreIgnoredSoNewerServicesStillWork()
    {
        var handler = new ScriptedHttpHandler().Then(HttpStatusCode.OK, """{"Name":"n","FutureMember":{"deep":[1,2]},"ARN":"arn"}""");
        using var client = WireClient.Create(handler);

        var response = client.RestoreSecret(new RestoreSecretRequest { SecretId = "n" });

        Assert.Equal("n", response.Name);
        Assert.Equal("arn", response.ARN);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    public void OperationsWithoutOutputAcceptAnEmptyBody(string body)
    {
        var handler = new ScriptedHttpHandler().Then(HttpStatusCode.OK, body);
        using var client = WireClient.Create(handler);

        Assert.NotNull(client.TagResource(new TagResourceRequest { SecretId = "s", Tags = new() { new Tag { Key = "k", Value = "v" } } }));
    }
}
