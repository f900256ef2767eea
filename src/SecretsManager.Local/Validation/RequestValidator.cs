using System.Text;
using System.Text.Json;
using SecretsManager.Local.Protocol;

namespace SecretsManager.Local.Validation;

/// <summary>
/// Checks a JSON request against its model shape the way AWS's front end does: a member of the wrong JSON type is a
/// SerializationException; missing required members and length/range/pattern/enum violations are gathered into one
/// ValidationException ("N validation errors detected: ..."). Unknown members are ignored, as AWS does.
/// </summary>
internal static class RequestValidator
{
    public static void Validate(JsonElement body, Shape input)
    {
        var errors = new List<string>();
        ValidateStructure(body, input, "", errors);
        if (errors.Count > 0)
        {
            var head = errors.Count == 1 ? "1 validation error detected: " : $"{errors.Count} validation errors detected: ";
            throw ServiceException.Validation(head + string.Join("; ", errors));
        }
    }

    private static void ValidateStructure(JsonElement obj, Shape shape, string path, List<string> errors)
    {
        foreach (var member in shape.Members)
        {
            var memberPath = path.Length == 0 ? LowerFirst(member.Name) : path + "." + LowerFirst(member.Name);
            if (!obj.TryGetProperty(member.Name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (member.Required) errors.Add($"Value null at '{memberPath}' failed to satisfy constraint: Member must not be null");
                continue;
            }
            ValidateValue(value, member.Shape, member.Name, memberPath, errors);
        }
    }

    private static void ValidateValue(JsonElement value, Shape shape, string memberName, string path, List<string> errors)
    {
        switch (shape.Kind)
        {
            case ShapeKind.String:
            case ShapeKind.Enum:
                Expect(value, JsonValueKind.String, memberName, "a string");
                var s = value.GetString()!;
                if (shape.Kind == ShapeKind.Enum)
                {
                    if (!shape.EnumValues.Contains(s, StringComparer.Ordinal))
                        errors.Add($"Value '{s}' at '{path}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", shape.EnumValues)}]");
                    return;
                }
                CheckLength(s.EnumerateRunes().Count(), shape, Show(s, shape), path, errors);
                if (shape.Pattern is not null && !shape.Pattern.IsMatch(s))
                    errors.Add($"{Show(s, shape)} at '{path}' failed to satisfy constraint: Member must satisfy regular expression pattern: {shape.PatternText}");
                return;
            case ShapeKind.Blob:
                Expect(value, JsonValueKind.String, memberName, "a base64-encoded blob");
                byte[] bytes;
                try { bytes = Convert.FromBase64String(value.GetString()!); }
                catch (FormatException) { throw Serialization($"Member '{memberName}' is not valid base64."); }
                CheckLength(bytes.Length, shape, "Value", path, errors);
                return;
            case ShapeKind.Integer:
            case ShapeKind.Long:
                Expect(value, JsonValueKind.Number, memberName, "a number");
                if (!value.TryGetInt64(out var n) || (shape.Kind == ShapeKind.Integer && n is < int.MinValue or > int.MaxValue))
                    throw Serialization($"Member '{memberName}' must be an integer of type {(shape.Kind == ShapeKind.Integer ? "int" : "long")}; got {value.GetRawText()}.");
                if (shape.MinValue is { } min && n < min)
                    errors.Add($"Value '{n}' at '{path}' failed to satisfy constraint: Member must have value greater than or equal to {min}");
                if (shape.MaxValue is { } max && n > max)
                    errors.Add($"Value '{n}' at '{path}' failed to satisfy constraint: Member must have value less than or equal to {max}");
                return;
            case ShapeKind.Boolean:
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    throw Serialization($"Member '{memberName}' must be a boolean; got a {Describe(value.ValueKind)}.");
                return;
            case ShapeKind.List:
                Expect(value, JsonValueKind.Array, memberName, "a list");
                CheckLength(value.GetArrayLength(), shape, "Value", path, errors);
                var i = 1;
                foreach (var item in value.EnumerateArray())
                {
                    var itemPath = $"{path}.{i++}.member";
                    if (item.ValueKind == JsonValueKind.Null)
                    {
                        errors.Add($"Value null at '{itemPath}' failed to satisfy constraint: Member must not be null");
                        continue;
                    }
                    ValidateValue(item, shape.Element!, memberName, itemPath, errors);
                }
                return;
            case ShapeKind.Structure:
                Expect(value, JsonValueKind.Object, memberName, "a structure (JSON object)");
                ValidateStructure(value, shape, path, errors);
                return;
        }
    }

    private static void CheckLength(long length, Shape shape, string shown, string path, List<string> errors)
    {
        if (shape.MinLength is { } min && length < min)
            errors.Add($"{shown} at '{path}' failed to satisfy constraint: Member must have length greater than or equal to {min}");
        if (shape.MaxLength is { } max && length > max)
            errors.Add($"{shown} at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max}");
    }

    private static string Show(string value, Shape shape) => shape.Sensitive ? "Value" : $"Value '{value}'";

    private static void Expect(JsonElement value, JsonValueKind kind, string memberName, string what)
    {
        if (value.ValueKind != kind)
            throw Serialization($"Member '{memberName}' must be {what}; got a {Describe(value.ValueKind)}.");
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "JSON object",
        JsonValueKind.Array => "JSON array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => kind.ToString(),
    };

    private static ServiceException Serialization(string message) => new(ErrorCodes.Serialization, message);

    private static string LowerFirst(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
