using System.Text.Json;

namespace SecretsManager.Local.Protocol;

/// <summary>Typed access to a request body that <see cref="Validation.RequestValidator"/> has already checked; JSON null counts as absent.</summary>
internal sealed class RequestReader
{
    private readonly JsonElement _body;

    public RequestReader(JsonElement body) => _body = body;

    public JsonElement Body => _body;

    public bool Has(string name) => _body.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    public string? String(string name) => Has(name) ? _body.GetProperty(name).GetString() : null;

    public long? Long(string name) => Has(name) ? _body.GetProperty(name).GetInt64() : null;

    public bool? Bool(string name) => Has(name) ? _body.GetProperty(name).GetBoolean() : null;

    public byte[]? Blob(string name) => Has(name) ? Convert.FromBase64String(_body.GetProperty(name).GetString()!) : null;

    public List<string>? StringList(string name) =>
        Has(name) ? _body.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToList() : null;

    public JsonElement? Element(string name) => Has(name) ? _body.GetProperty(name) : null;

    /// <summary>Reads a nested structure member of this body.</summary>
    public RequestReader? Structure(string name) => Has(name) ? new RequestReader(_body.GetProperty(name)) : null;

    /// <summary>Reads a list of structures.</summary>
    public List<RequestReader>? StructureList(string name) =>
        Has(name) ? _body.GetProperty(name).EnumerateArray().Select(e => new RequestReader(e)).ToList() : null;
}
