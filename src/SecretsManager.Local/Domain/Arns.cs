using System.Security.Cryptography;
namespace SecretsManager.Local.Domain;

/// <summary>Builds secret ARNs: arn:aws:secretsmanager:&lt;region&gt;:&lt;account&gt;:secret:&lt;name&gt;-&lt;6 random chars&gt;.</summary>
internal static class Arns
{
    private const string SuffixAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static string RandomSuffix() => RandomNumberGenerator.GetString(SuffixAlphabet, 6);

    public static string SecretArn(string region, string accountId, string name, string suffix) =>
        $"arn:aws:secretsmanager:{region}:{accountId}:secret:{name}-{suffix}";
}
