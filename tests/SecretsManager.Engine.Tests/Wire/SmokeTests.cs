using System.Net;
using SecretsManager.Engine.Tests.Support;

namespace SecretsManager.Engine.Tests.Wire;

public class SmokeTests
{
    [Fact]
    public void GetSecretValue_SendsSignedJsonAndReadsTheResponse()
    {
        var handler = new ScriptedHttpHandler().Then(HttpStatusCode.OK, """{"ARN":"arn:x","Name":"app/db","SecretString":"s3cr3t","CreatedDate":1700000000.123,"VersionStages":["AWSCURRENT"]}""");
        using var client = WireClient.Create(handler);

        var response = client.GetSecretValue(new GetSecretValueRequest { SecretId = "app/db" });

        Assert.Equal("s3cr3t", response.SecretString);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("secretsmanager.GetSecretValue", request.Header("X-Amz-Target"));
        Assert.Equal("""{"SecretId":"app/db"}""", request.Body);
    }
}
