using System.Text.Json.Nodes;
using SecretsManager.Local.Domain;

namespace SecretsManager.Local.Operations;

/// <summary>UntagResource: removes tags by key; keys that aren't there are ignored.</summary>
internal sealed class UntagResourceOperation : IOperation
{
    public string Name => "UntagResource";

    public JsonObject Execute(OperationContext ctx)
    {
        var secret = ctx.FindWritableSecret();
        var keys = ctx.Request.StringList("TagKeys")!;
        foreach (var key in keys) TagRules.ValidateKey(key);
        secret.Tags = secret.Tags.Where(t => !keys.Contains(t.Key, StringComparer.Ordinal)).ToList();
        ctx.MarkChanged(secret);
        return new JsonObject();
    }
}
