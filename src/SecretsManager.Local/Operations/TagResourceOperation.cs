using System.Text.Json.Nodes;
using SecretsManager.Local.Domain;

namespace SecretsManager.Local.Operations;

/// <summary>TagResource: adds tags (same key overwrites), at most 50 in all, aws: reserved.</summary>
internal sealed class TagResourceOperation : IOperation
{
    public string Name => "TagResource";

    public JsonObject Execute(OperationContext ctx)
    {
        var secret = ctx.FindWritableSecret();
        secret.Tags = TagRules.Merge(secret.Tags, TagRules.Read(ctx.Request));
        ctx.MarkChanged(secret);
        return new JsonObject();
    }
}
