using System.Text.Json.Nodes;
using SecretsManager.Local.Domain;

namespace SecretsManager.Local.Operations;

/// <summary>GetRandomPassword: length 1–4096 (default 32); by default at least one character of each included type.</summary>
internal sealed class GetRandomPasswordOperation : IOperation
{
    public string Name => "GetRandomPassword";

    public JsonObject Execute(OperationContext ctx)
    {
        var r = ctx.Request;
        var options = new PasswordOptions(
            (int)(r.Long("PasswordLength") ?? 32),
            r.String("ExcludeCharacters") ?? "",
            r.Bool("ExcludeNumbers") ?? false,
            r.Bool("ExcludePunctuation") ?? false,
            r.Bool("ExcludeUppercase") ?? false,
            r.Bool("ExcludeLowercase") ?? false,
            r.Bool("IncludeSpace") ?? false,
            r.Bool("RequireEachIncludedType") ?? true);
        return new JsonObject { ["RandomPassword"] = PasswordGenerator.Generate(options) };
    }
}
