using System.Security.Cryptography;
using SecretsManager.Local.Protocol;

namespace SecretsManager.Local.Domain;

/// <summary>GetRandomPassword's generator: AWS's character classes and punctuation set, a cryptographic RNG.</summary>
internal static class PasswordGenerator
{
    public const string Lowercase = "abcdefghijklmnopqrstuvwxyz";
    public const string Uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public const string Digits = "0123456789";
    public const string Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    public static string Generate(PasswordOptions o)
    {
        var classes = new List<string>();
        void AddClass(string chars, bool excluded)
        {
            if (excluded) return;
            var left = new string(chars.Where(c => !o.Exclude.Contains(c)).ToArray());
            if (left.Length > 0) classes.Add(left);
        }
        AddClass(Lowercase, o.ExcludeLowercase);
        AddClass(Uppercase, o.ExcludeUppercase);
        AddClass(Digits, o.ExcludeNumbers);
        AddClass(Punctuation, o.ExcludePunctuation);
        var required = classes.ToList(); // the space is allowed but never required
        if (o.IncludeSpace && !o.Exclude.Contains(' ')) classes.Add(" ");

        var pool = string.Concat(classes);
        if (pool.Length == 0)
            throw ServiceException.InvalidParameter("The password can't be generated: every character type is excluded.");
        var chars = new List<char>(o.Length);
        if (o.RequireEachIncludedType)
        {
            if (o.Length < required.Count)
                throw ServiceException.InvalidParameter(
                    $"PasswordLength {o.Length} is too short to include each of the {required.Count} included character types.");
            chars.AddRange(required.Select(Pick));
        }
        while (chars.Count < o.Length) chars.Add(Pick(pool));
        for (var i = chars.Count - 1; i > 0; i--)
        {
            var j = RandomNumberGenerator.GetInt32(i + 1);
            (chars[i], chars[j]) = (chars[j], chars[i]);
        }
        return new string(chars.ToArray());
    }

    private static char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
}
