using System.Reflection;
using System.Text.Json;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Tests.Support;

namespace SecretsManager.Engine.Tests.Contract;

/// <summary>
/// The engine against the Smithy model: every operation, every request and response member and every nested
/// structure has a counterpart of the contracted .NET type. Skips (visibly) when the model is not beside the repo.
/// </summary>
public class ModelContractTests
{
    private const string Namespace = "com.amazonaws.secretsmanager#";
    private static readonly Assembly Engine = typeof(ISecretsManagerClient).Assembly;

    [SkippableFact]
    public void EveryOperationHasSyncAndAsyncMethods()
    {
        var model = LoadModel();
        var missing = new List<string>();
        foreach (var (name, input, output) in Operations(model))
        {
            string responseName = output == "smithy.api#Unit" ? name + "Response" : Short(output);
            MethodInfo sync = typeof(ISecretsManagerClient).GetMethod(name, new[] { EngineType(Short(input)) ?? typeof(void) });
            if (sync == null || sync.ReturnType.Name != responseName) { missing.Add($"{responseName} {name}({Short(input)})"); }
            MethodInfo async = typeof(ISecretsManagerClient).GetMethods().FirstOrDefault(m => m.Name == name + "Async");
            if (async == null || async.ReturnType != typeof(Task<>).MakeGenericType(EngineType(responseName) ?? typeof(object)) ||
                async.GetParameters().Select(p => p.ParameterType).SequenceEqual(new[] { EngineType(Short(input)), typeof(CancellationToken) }) == false)
            {
                missing.Add($"Task<{responseName}> {name}Async({Short(input)}, CancellationToken)");
            }
        }
        Assert.True(missing.Count == 0, "Missing on ISecretsManagerClient:\n  " + string.Join("\n  ", missing));
        Assert.Equal(23, Operations(model).Count());
    }

    [SkippableFact]
    public void EveryStructureMemberHasAPropertyOfTheContractedType()
    {
        var model = LoadModel();
        var problems = new List<string>();
        var structures = model.EnumerateObject().Where(s => IsModelStructure(s.Value)).ToList();
        Assert.True(structures.Count >= 50, $"only {structures.Count} structures found in the model");
        foreach (var shape in structures)
        {
            string typeName = Short(shape.Name);
            Type type = EngineType(typeName);
            if (type == null) { problems.Add($"no class {typeName}"); continue; }
            foreach (var member in shape.Value.GetProperty("members").EnumerateObject())
            {
                PropertyInfo property = type.GetProperty(member.Name);
                string expected = ExpectedType(model, member.Value.GetProperty("target").GetString());
                if (property == null) { problems.Add($"{typeName}.{member.Name} is missing"); }
                else if (CSharpName(property.PropertyType) != expected) { problems.Add($"{typeName}.{member.Name} is {CSharpName(property.PropertyType)}, expected {expected}"); }
            }
            // And nothing invented: every property is a model member.
            var modelMembers = shape.Value.GetProperty("members").EnumerateObject().Select(m => m.Name).ToHashSet();
            problems.AddRange(type.GetProperties().Where(p => !modelMembers.Contains(p.Name)).Select(p => $"{typeName}.{p.Name} is not in the model"));
        }
        Assert.True(problems.Count == 0, "Model/engine mismatches:\n  " + string.Join("\n  ", problems));
    }

    [SkippableFact]
    public void OperationsWithoutOutputHaveEmptyResponseClasses()
    {
        var model = LoadModel();
        foreach (var (name, _, output) in Operations(model).Where(o => o.Output == "smithy.api#Unit"))
        {
            Type response = EngineType(name + "Response");
            Assert.NotNull(response);
            Assert.Empty(response.GetProperties());
        }
    }

    private static JsonElement LoadModel()
    {
        string path = RepositoryPaths.SmithyModel;
        Skip.IfNot(File.Exists(path), $"The Smithy model is not at {path} (as on a user's clone): the model contract test cannot run.");
        using var stream = File.OpenRead(path);
        return JsonDocument.Parse(stream).RootElement.GetProperty("shapes").Clone();
    }

    private static IEnumerable<(string Name, string Input, string Output)> Operations(JsonElement model) =>
        model.EnumerateObject()
            .Where(s => s.Value.GetProperty("type").GetString() == "operation")
            .Select(s => (Short(s.Name), s.Value.GetProperty("input").GetProperty("target").GetString(), s.Value.GetProperty("output").GetProperty("target").GetString()));

    private static bool IsModelStructure(JsonElement shape) =>
        shape.GetProperty("type").GetString() == "structure" &&
        !(shape.TryGetProperty("traits", out var traits) && traits.TryGetProperty("smithy.api#error", out _));

    private static string ExpectedType(JsonElement model, string target)
    {
        if (!target.StartsWith(Namespace, StringComparison.Ordinal)) { throw new InvalidOperationException("Unexpected prelude target " + target); }
        JsonElement shape = model.GetProperty(target);
        return shape.GetProperty("type").GetString() switch
        {
            "string" or "enum" => "string",
            "integer" => "int?",
            "long" => "long?",
            "boolean" => "bool?",
            "timestamp" => "DateTime?",
            "blob" => "byte[]",
            "structure" => Short(target),
            "list" => $"List<{ExpectedType(model, shape.GetProperty("member").GetProperty("target").GetString())}>",
            "map" => $"Dictionary<{ExpectedType(model, shape.GetProperty("key").GetProperty("target").GetString())}, {ExpectedType(model, shape.GetProperty("value").GetProperty("target").GetString())}>",
            var other => throw new InvalidOperationException($"Unhandled shape type {other} for {target}"),
        };
    }

    private static string CSharpName(Type type)
    {
        if (type == typeof(string)) { return "string"; }
        if (type == typeof(byte[])) { return "byte[]"; }
        if (Nullable.GetUnderlyingType(type) is Type inner)
        {
            return (inner == typeof(int) ? "int" : inner == typeof(long) ? "long" : inner == typeof(bool) ? "bool" : inner.Name) + "?";
        }
        if (type.IsGenericType)
        {
            string name = type.Name.Substring(0, type.Name.IndexOf('`'));
            return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(CSharpName))}>";
        }
        return type.Name;
    }

    private static string Short(string id) => id.Substring(id.IndexOf('#') + 1);

    private static Type EngineType(string name) => Engine.GetType("SecretsManager.Engine.Model." + name);
}
