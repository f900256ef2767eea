using System.Text.Json;
using System.Text.Json.Nodes;
using SecretsManager.Local.Domain;
using SecretsManager.Local.Protocol;

namespace SecretsManager.Local.Rotation;

/// <summary>
/// The built-in <c>SecretsManagerLocalSingleUser</c> function: like AWS's single-user template, but with no database behind
/// it. createSecret writes a new random password into the JSON key <c>password</c> (or replaces a non-JSON value) as AWSPENDING;
/// as the stand-in for a managed external secret's partner it writes the key that partner rotates;
/// setSecret has nothing to set; testSecret reads the pending value back; finishSecret moves AWSCURRENT to it.
/// </summary>
internal sealed class SingleUserRotationFunction : IRotationFunction
{
    public const string FunctionName = "SecretsManagerLocalSingleUser";
    private readonly LocalApiClient _api;
    private readonly string _name;
    private readonly string _key;

    /// <param name="api">The endpoint's own API.</param>
    /// <param name="name">What failures name: the function, or the partner it stands in for.</param>
    /// <param name="key">The JSON key that receives the new random value.</param>
    public SingleUserRotationFunction(LocalApiClient api, string name = FunctionName, string key = "password")
    {
        _api = api;
        _name = name;
        _key = key;
    }

    public async Task InvokeAsync(RotationEvent e, CancellationToken ct)
    {
        try
        {
            switch (e.Step)
            {
                case RotationSteps.CreateSecret: await CreateAsync(e, ct); break;
                case RotationSteps.SetSecret: break;
                case RotationSteps.TestSecret: await GetPendingAsync(e, ct); break;
                case RotationSteps.FinishSecret: await FinishAsync(e, ct); break;
                default: throw new RotationStepException($"Unknown rotation step '{e.Step}'.");
            }
        }
        catch (LocalApiException ex)
        {
            throw new RotationStepException($"{_name} {e.Step} failed: {ex.Message}", ex);
        }
    }

    private async Task CreateAsync(RotationEvent e, CancellationToken ct)
    {
        var current = await _api.CallAsync(e.Region, "GetSecretValue",
            new JsonObject { ["SecretId"] = e.SecretId, ["VersionStage"] = StagingLabels.Current }, ct);
        try
        {
            await GetPendingAsync(e, ct);
            return; // already created by an earlier attempt
        }
        catch (LocalApiException ex) when (ex.Code == "ResourceNotFoundException")
        {
        }
        var password = (await _api.CallAsync(e.Region, "GetRandomPassword",
            new JsonObject { ["ExcludeCharacters"] = "/@\"'\\" }, ct))["RandomPassword"]!.GetValue<string>();
        await _api.CallAsync(e.Region, "PutSecretValue", new JsonObject
        {
            ["SecretId"] = e.SecretId,
            ["ClientRequestToken"] = e.ClientRequestToken,
            ["SecretString"] = NewValue(current["SecretString"]?.GetValue<string>(), password),
            ["VersionStages"] = new JsonArray(StagingLabels.Pending),
            ["RotationToken"] = e.RotationToken,
        }, ct);
    }

    private string NewValue(string? currentString, string password)
    {
        if (currentString is not null)
        {
            try
            {
                if (JsonNode.Parse(currentString) is JsonObject obj)
                {
                    obj[_key] = password;
                    return obj.Text();
                }
            }
            catch (JsonException)
            {
                // Not JSON: the whole value is replaced below.
            }
        }
        return password;
    }

    private Task<JsonObject> GetPendingAsync(RotationEvent e, CancellationToken ct) =>
        _api.CallAsync(e.Region, "GetSecretValue", new JsonObject
        {
            ["SecretId"] = e.SecretId, ["VersionId"] = e.ClientRequestToken, ["VersionStage"] = StagingLabels.Pending,
        }, ct);

    private async Task FinishAsync(RotationEvent e, CancellationToken ct)
    {
        var describe = await _api.CallAsync(e.Region, "DescribeSecret", new JsonObject { ["SecretId"] = e.SecretId }, ct);
        string? currentVersion = null;
        foreach (var (versionId, stages) in describe["VersionIdsToStages"]?.AsObject() ?? new JsonObject())
        {
            if (stages!.AsArray().Any(s => s!.GetValue<string>() == StagingLabels.Current)) currentVersion = versionId;
        }
        if (currentVersion == e.ClientRequestToken) return;
        var request = new JsonObject
        {
            ["SecretId"] = e.SecretId, ["VersionStage"] = StagingLabels.Current, ["MoveToVersionId"] = e.ClientRequestToken,
        };
        if (currentVersion is not null) request["RemoveFromVersionId"] = currentVersion;
        await _api.CallAsync(e.Region, "UpdateSecretVersionStage", request, ct);
    }
}
