using System.Globalization;
using System.Net;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Internal;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Tests.Support;

namespace SecretsManager.Engine.Tests.Wire;

/// <summary>Clock-skew correction comes from the SDK: a "signature expired" answer makes it re-sign with the server's time.</summary>
public class ClockSkewTests
{
    [Fact]
    public void ASkewedClockIsCorrectedFromTheServerDateAndTheCallIsRetried()
    {
        DateTime serverNow = DateTime.UtcNow.AddHours(2);
        var handler = new ScriptedHttpHandler();
        handler.Then(HttpStatusCode.BadRequest, """{"__type":"InvalidSignatureException","message":"Signature expired: 20240101T000000Z is now earlier than 20240101T000500Z"}""");
        handler.Then(HttpStatusCode.OK, """{"SecretList":[]}""");
        handler.ResponseDate = serverNow;
        // A host of its own: the SDK remembers the correction per endpoint for the whole process.
        var options = new SecretsManagerClientOptions { Region = "us-east-1", AccessKeyId = "AKID", SecretAccessKey = "s", EndpointUrl = "https://skew.secretsmanager.test" };
        using var client = ClientBuilder.Build(options, ownedByCache: false, config => config.HttpClientFactory = new ScriptedHttpClientFactory(handler));

        client.ListSecrets(new ListSecretsRequest());

        Assert.Equal(2, handler.Requests.Count);
        DateTime first = ParseAmzDate(handler.Requests[0].Header("X-Amz-Date"));
        DateTime second = ParseAmzDate(handler.Requests[1].Header("X-Amz-Date"));
        Assert.InRange(first, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(5));
        Assert.InRange(second, serverNow.AddMinutes(-5), serverNow.AddMinutes(5));
    }

    private static DateTime ParseAmzDate(string text) =>
        DateTime.ParseExact(text, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
