using System.Text.Json.Nodes;
using SecretsManager.Local.Protocol;

namespace SecretsManager.Local.Rotation;

/// <summary>The event a rotation Lambda receives for one step.</summary>
internal sealed record RotationEvent(string Step, string SecretId, string ClientRequestToken, string RotationToken, string Region)
{
    /// <summary>The Lambda event JSON, as AWS sends it.</summary>
    public string ToJson() => new JsonObject
    {
        ["Step"] = Step,
        ["SecretId"] = SecretId,
        ["ClientRequestToken"] = ClientRequestToken,
        ["RotationToken"] = RotationToken,
    }.Text();
}
