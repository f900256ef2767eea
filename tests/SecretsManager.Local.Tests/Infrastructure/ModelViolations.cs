using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SecretsManager.Local.Tests.Infrastructure;

/// <summary>
/// Generates, from the Smithy model alone, one request per constraint of every operation's input: a valid request with
/// every member filled in, then that request with one member made too short, too long, out of range, off its pattern,
/// outside its enum, or (when required) left out. Nested members (Tags[].Key, RotationRules.Duration…) are included.
/// </summary>
public static class ModelViolations
{
    /// <summary>Values for patterned strings that a model-only generator can't invent.</summary>
    private static readonly Dictionary<string, string> ValidSamples = new(StringComparer.Ordinal)
    {
        ["RegionType"] = "eu-west-1",
        ["RotationTokenType"] = "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
        ["ScheduleExpressionType"] = "rate(10 days)",
        ["DurationType"] = "2h",
        ["FilterValueStringType"] = "c",
    };

    public sealed record Case(string Operation, string Rule, string Body);

    public static IEnumerable<Case> All(ModelShapes model)
    {
        foreach (var operation in model.Operations.OrderBy(o => o, StringComparer.Ordinal))
        {
            var input = model.InputOf(operation);
            var valid = (JsonObject)ValidValue(model, input);
            foreach (var (path, rule, apply) in Mutations(model, input, []))
            {
                var body = valid.DeepClone().AsObject();
                apply(Navigate(body, path.SkipLast(1)), path[^1]);
                yield return new Case(operation, $"{string.Join('.', path.Select(p => p is int ? "[0]" : p))} {rule}", body.ToJsonString());
            }
        }
    }

    /// <summary>
    /// Valid requests with one member at the edge of what the model allows (longest string, largest and smallest
    /// number, most list elements): the endpoint must not be stricter than the model.
    /// </summary>
    public static IEnumerable<Case> AtTheLimits(ModelShapes model)
    {
        foreach (var operation in model.Operations.OrderBy(o => o, StringComparer.Ordinal))
        {
            var input = model.InputOf(operation);
            var valid = (JsonObject)ValidValue(model, input);
            foreach (var (path, rule, apply) in Limits(model, input, []))
            {
                var body = valid.DeepClone().AsObject();
                apply(Navigate(body, path.SkipLast(1)), path[^1]);
                yield return new Case(operation, $"{string.Join('.', path.Select(p => p is int ? "[0]" : p))} {rule}", body.ToJsonString());
            }
        }
    }

    private static IEnumerable<(object[] Path, string Rule, Action<JsonNode, object> Apply)> Limits(ModelShapes model, string shapeId, object[] path)
    {
        foreach (var (member, target) in model.Members(shapeId))
        {
            var here = path.Append(member).ToArray();
            var shape = model.Shape(target);
            var (_, maxLength) = Length(shape);
            var patterned = shape["traits"]?["smithy.api#pattern"] is not null;
            switch (model.TypeOf(target))
            {
                case "string" when !patterned && maxLength is { } max:
                    yield return (here, $"of exactly {max} characters", Set(new string('a', (int)max)));
                    break;
                case "blob" when maxLength is { } maxBytes:
                    yield return (here, $"of exactly {maxBytes} bytes", Set(Convert.ToBase64String(new byte[maxBytes])));
                    break;
                case "integer" or "long":
                    var (lo, hi) = Range(shape);
                    if (lo is { } min) yield return (here, $"of exactly {min}", Set(min));
                    if (hi is { } maxValue) yield return (here, $"of exactly {maxValue}", Set(maxValue));
                    break;
                case "list" when maxLength is { } maxCount:
                    var element = shape["member"]!["target"]!.GetValue<string>();
                    yield return (here, $"with exactly {maxCount} elements",
                        SetNode(() => new JsonArray(Enumerable.Range(0, (int)maxCount).Select(_ => ValidValue(model, element)).ToArray())));
                    break;
                case "structure":
                    foreach (var limit in Limits(model, target, here)) yield return limit;
                    break;
            }
            if (model.TypeOf(target) == "list" && model.TypeOf(shape["member"]!["target"]!.GetValue<string>()) == "structure")
                foreach (var limit in Limits(model, shape["member"]!["target"]!.GetValue<string>(), here.Append(0).ToArray())) yield return limit;
        }
    }

    /// <summary>A value that satisfies every constraint of the shape (SecretId-like strings are "c", the test's secret).</summary>
    public static JsonNode ValidValue(ModelShapes model, string shapeId)
    {
        var shape = model.Shape(shapeId);
        var name = shapeId.Split('#')[^1];
        switch (model.TypeOf(shapeId))
        {
            case "structure":
                var obj = new JsonObject();
                foreach (var (member, target) in model.Members(shapeId)) obj[member] = ValidValue(model, target);
                return obj;
            case "list":
                return new JsonArray(ValidValue(model, shape["member"]!["target"]!.GetValue<string>()));
            case "enum":
                return JsonValue.Create(EnumValues(shape).First())!;
            case "boolean":
                return JsonValue.Create(false)!;
            case "integer" or "long":
                return JsonValue.Create(Range(shape).Min ?? 7)!; // 7 also suits RecoveryWindowInDays, which has no range
            case "blob":
                return JsonValue.Create(Convert.ToBase64String("b"u8.ToArray()))!;
            default:
                if (ValidSamples.TryGetValue(name, out var sample)) return JsonValue.Create(sample)!;
                var (min, _) = Length(shape);
                return JsonValue.Create(min is > 1 ? new string('a', (int)min) : "c")!;
        }
    }

    private static IEnumerable<(object[] Path, string Rule, Action<JsonNode, object> Apply)> Mutations(ModelShapes model, string shapeId, object[] path)
    {
        foreach (var (member, target) in model.Members(shapeId))
        {
            var here = path.Append(member).ToArray();
            var memberShape = model.Shape(shapeId)["members"]![member]!;
            if (memberShape["traits"]?["smithy.api#required"] is not null)
                yield return (here, "missing (required)", (parent, key) => ((JsonObject)parent).Remove((string)key));
            foreach (var m in ValueMutations(model, target, here)) yield return m;
        }
    }

    private static IEnumerable<(object[] Path, string Rule, Action<JsonNode, object> Apply)> ValueMutations(ModelShapes model, string shapeId, object[] here)
    {
        var shape = model.Shape(shapeId);
        var (minLength, maxLength) = Length(shape);
        switch (model.TypeOf(shapeId))
        {
            case "string":
                if (minLength is > 0) yield return (here, $"shorter than {minLength}", Set(new string('a', (int)minLength - 1)));
                if (maxLength is { } max) yield return (here, $"longer than {max}", Set(new string('a', (int)max + 1)));
                if (shape["traits"]?["smithy.api#pattern"]?.GetValue<string>() is { } pattern)
                {
                    var regex = new Regex(pattern);
                    var bad = new[] { '$', '~', '"', ' ', 'A' }.Select(c => new string(c, (int)Math.Max(minLength ?? 1, 1)))
                        .First(s => !regex.IsMatch(s));
                    yield return (here, $"off the pattern {pattern}", Set(bad));
                }
                break;
            case "enum":
                yield return (here, "outside the enum", Set("not-a-member-of-the-enum"));
                break;
            case "blob":
                if (minLength is > 0) yield return (here, $"shorter than {minLength} bytes", Set(Convert.ToBase64String(new byte[minLength.Value - 1])));
                if (maxLength is { } maxBytes) yield return (here, $"longer than {maxBytes} bytes", Set(Convert.ToBase64String(new byte[maxBytes + 1])));
                break;
            case "integer" or "long":
                var (min, maxValue) = Range(shape);
                if (min is { } lo) yield return (here, $"below {lo}", Set(lo - 1));
                if (maxValue is { } hi) yield return (here, $"above {hi}", Set(hi + 1));
                break;
            case "list":
                var element = shape["member"]!["target"]!.GetValue<string>();
                if (minLength is > 0) yield return (here, $"with fewer than {minLength} elements", SetNode(() => new JsonArray()));
                if (maxLength is { } maxCount)
                    yield return (here, $"with more than {maxCount} elements",
                        SetNode(() => new JsonArray(Enumerable.Range(0, (int)maxCount + 1).Select(_ => ValidValue(model, element)).ToArray())));
                foreach (var m in ValueMutations(model, element, here.Append(0).ToArray())) yield return m;
                break;
            case "structure":
                foreach (var m in Mutations(model, shapeId, here)) yield return m;
                break;
        }
    }

    private static Action<JsonNode, object> Set<T>(T value) => SetNode(() => JsonValue.Create(value)!);

    private static Action<JsonNode, object> SetNode(Func<JsonNode> value) => (parent, key) =>
    {
        if (key is int index) parent.AsArray()[index] = value();
        else parent.AsObject()[(string)key] = value();
    };

    private static JsonNode Navigate(JsonNode root, IEnumerable<object> path) =>
        path.Aggregate(root, (node, step) => step is int i ? node.AsArray()[i]! : node.AsObject()[(string)step]!);

    private static (long? Min, long? Max) Length(JsonObject shape) =>
        shape["traits"]?["smithy.api#length"] is JsonObject l ? (l["min"]?.GetValue<long>(), l["max"]?.GetValue<long>()) : (null, null);

    private static (long? Min, long? Max) Range(JsonObject shape) =>
        shape["traits"]?["smithy.api#range"] is JsonObject r ? (r["min"]?.GetValue<long>(), r["max"]?.GetValue<long>()) : (null, null);

    private static IEnumerable<string> EnumValues(JsonObject shape) =>
        (shape["members"] as JsonObject ?? new JsonObject()).Select(kv =>
            kv.Value!["traits"]?["smithy.api#enumValue"]?.GetValue<string>() ?? kv.Key);
}
