using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;

namespace SecretsManager.Engine.Tests.Support;

/// <summary>
/// Builds model objects with every member set, and the awsJson1_1 form they must have on the wire, from the
/// engine's public model types alone (member name on the wire = property name, per the contract). Used to prove
/// that every member is written and read, with the right JSON type.
/// </summary>
public static class ModelSamples
{
    public static readonly DateTime SampleTime = new(2023, 11, 14, 22, 13, 20, 500, DateTimeKind.Utc);
    public const decimal SampleEpochSeconds = 1700000000.5m;
    public static readonly byte[] SampleBytes = { 0, 1, 2, 250, 255 };

    /// <summary>An instance of <paramref name="type"/> with every property set.</summary>
    public static object Full(Type type)
    {
        object value = Activator.CreateInstance(type);
        foreach (PropertyInfo property in WireProperties(type))
        {
            property.SetValue(value, SampleValue(property.PropertyType, property.Name));
        }
        return value;
    }

    /// <summary>The wire JSON of a model object: unset members omitted, blobs base64, timestamps epoch seconds.</summary>
    public static JsonNode ToWireJson(object value)
    {
        switch (value)
        {
            case null: return null;
            case string text: return JsonValue.Create(text);
            case bool flag: return JsonValue.Create(flag);
            case int number: return JsonValue.Create(number);
            case long number: return JsonValue.Create(number);
            case DateTime time: return JsonValue.Create((decimal)(time - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerSecond);
            case byte[] bytes: return JsonValue.Create(Convert.ToBase64String(bytes));
            case IDictionary map:
                var obj = new JsonObject();
                foreach (DictionaryEntry entry in map) { obj[(string)entry.Key] = ToWireJson(entry.Value); }
                return obj;
            case IEnumerable list:
                var array = new JsonArray();
                foreach (object item in list) { array.Add(ToWireJson(item)); }
                return array;
            default:
                var result = new JsonObject();
                foreach (PropertyInfo property in WireProperties(value.GetType()))
                {
                    object member = property.GetValue(value);
                    if (member != null) { result[property.Name] = ToWireJson(member); }
                }
                return result;
        }
    }

    public static IEnumerable<PropertyInfo> WireProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.CanWrite);

    private static object SampleValue(Type type, string name)
    {
        if (type == typeof(string)) { return name + "-value"; }
        if (type == typeof(int?)) { return 7; }
        if (type == typeof(long?)) { return 42L; }
        if (type == typeof(bool?)) { return true; }
        if (type == typeof(DateTime?)) { return SampleTime; }
        if (type == typeof(byte[])) { return SampleBytes.ToArray(); }
        if (type == typeof(Dictionary<string, List<string>>))
        {
            return new Dictionary<string, List<string>> { ["version-1"] = new() { "AWSCURRENT", "custom" }, ["version-2"] = new() { "AWSPREVIOUS" } };
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            Type element = type.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(type);
            list.Add(SampleValue(element, name + "-1"));
            list.Add(SampleValue(element, name + "-2"));
            return list;
        }
        if (type.Namespace == "SecretsManager.Engine.Model" && type.IsClass) { return Full(type); }
        throw new NotSupportedException($"No sample for {type} ({name})");
    }
}
