using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecretsManager.Local.Tests.Infrastructure;

/// <summary>
/// The shapes of the Smithy model (secrets-manager-2017-10-17.smithy.json), read at test time to compare answers with
/// the model: which members a structure has, what a list or map holds, which members are timestamps.
/// </summary>
public sealed class ModelShapes
{
    private const string Ns = "com.amazonaws.secretsmanager#";
    private readonly JsonObject _shapes;

    private ModelShapes(JsonObject shapes) => _shapes = shapes;

    public static ModelShapes Load() => new(JsonNode.Parse(File.ReadAllText(ModelFiles.Model))!["shapes"]!.AsObject());

    /// <summary>The shape id of an operation's output structure.</summary>
    public string OutputOf(string operation) => _shapes[Ns + operation]!["output"]!["target"]!.GetValue<string>();

    /// <summary>The shape id of an operation's input structure.</summary>
    public string InputOf(string operation) => _shapes[Ns + operation]!["input"]!["target"]!.GetValue<string>();

    public IEnumerable<string> Operations =>
        _shapes.Where(kv => kv.Value!["type"]!.GetValue<string>() == "operation").Select(kv => kv.Key[Ns.Length..]);

    public JsonObject Shape(string id) => _shapes[id] is JsonObject s ? s : new JsonObject { ["type"] = id.Split('#')[^1].ToLowerInvariant() };

    public string TypeOf(string id) => Shape(id)["type"]!.GetValue<string>();

    /// <summary>Members of a structure: name → target shape id.</summary>
    public IReadOnlyDictionary<string, string> Members(string id) =>
        (Shape(id)["members"] as JsonObject ?? new JsonObject()).ToDictionary(kv => kv.Key, kv => kv.Value!["target"]!.GetValue<string>());

    /// <summary>Members AWS's example shows (structure members only; map keys are data) that ours lacks.</summary>
    public void MissingMembers(string shapeId, JsonElement expected, JsonElement ours, string path, List<string> problems)
    {
        switch (TypeOf(shapeId))
        {
            case "structure":
                if (expected.ValueKind != JsonValueKind.Object || ours.ValueKind != JsonValueKind.Object) return;
                var members = Members(shapeId);
                foreach (var property in expected.EnumerateObject())
                {
                    if (!members.TryGetValue(property.Name, out var target)) continue; // not in the model: AWS's example is wrong
                    if (!ours.TryGetProperty(property.Name, out var mine) || mine.ValueKind == JsonValueKind.Null)
                    {
                        problems.Add($"missing {path}{property.Name}");
                        continue;
                    }
                    MissingMembers(target, property.Value, mine, path + property.Name + ".", problems);
                }
                return;
            case "list":
                if (expected.ValueKind != JsonValueKind.Array || ours.ValueKind != JsonValueKind.Array) return;
                // Elements pair by content, not position: each member any AWS element shows must be in some element of ours.
                var element = Shape(shapeId)["member"]!["target"]!.GetValue<string>();
                foreach (var e in expected.EnumerateArray())
                {
                    var best = ours.EnumerateArray().Select(o => { var p = new List<string>(); MissingMembers(element, e, o, path + "[].", p); return p; })
                        .OrderBy(p => p.Count).FirstOrDefault();
                    if (best is null) problems.Add($"{path} is empty but AWS shows elements");
                    else problems.AddRange(best.Where(p => !problems.Contains(p)));
                }
                return;
            case "map":
                if (expected.ValueKind != JsonValueKind.Object || ours.ValueKind != JsonValueKind.Object) return;
                if (expected.EnumerateObject().Any() && !ours.EnumerateObject().Any()) problems.Add($"{path} is empty but AWS shows entries");
                return;
        }
    }

    /// <summary>Members of ours that the model's shape doesn't have, and values of the wrong JSON type.</summary>
    public void CheckAgainstModel(string shapeId, JsonElement ours, string path, List<string> problems)
    {
        var type = TypeOf(shapeId);
        var ok = type switch
        {
            "structure" or "map" => ours.ValueKind == JsonValueKind.Object,
            "list" => ours.ValueKind == JsonValueKind.Array,
            "timestamp" or "integer" or "long" => ours.ValueKind == JsonValueKind.Number,
            "boolean" => ours.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "string" or "blob" or "enum" => ours.ValueKind == JsonValueKind.String,
            "unit" => ours.ValueKind == JsonValueKind.Object && !ours.EnumerateObject().Any(), // smithy.api#Unit: an empty answer
            _ => true,
        };
        if (!ok)
        {
            problems.Add($"{path.TrimEnd('.')} is a JSON {ours.ValueKind}, the model says {type}");
            return;
        }
        switch (type)
        {
            case "structure":
                var members = Members(shapeId);
                foreach (var property in ours.EnumerateObject())
                {
                    if (!members.TryGetValue(property.Name, out var target)) problems.Add($"{path}{property.Name} is not in the model");
                    else if (property.Value.ValueKind != JsonValueKind.Null) CheckAgainstModel(target, property.Value, path + property.Name + ".", problems);
                }
                return;
            case "list":
                var element = Shape(shapeId)["member"]!["target"]!.GetValue<string>();
                foreach (var item in ours.EnumerateArray()) CheckAgainstModel(element, item, path + "[].", problems);
                return;
            case "map":
                var value = Shape(shapeId)["value"]!["target"]!.GetValue<string>();
                foreach (var entry in ours.EnumerateObject()) CheckAgainstModel(value, entry.Value, path + "{}.", problems);
                return;
        }
    }
}
