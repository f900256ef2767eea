using System.Globalization;

namespace SecretsManager.Local.Hosting;

/// <summary>Parses the command line: --port N, --access-key K, --secret-key S, --account-id N, --rotation-function NAME=COMMAND (repeatable).</summary>
internal static class CommandLine
{
    public const string Usage =
        "Usage: SecretsManager.Local [--port N] [--access-key KEY] [--secret-key SECRET] [--account-id ID] [--rotation-function NAME=COMMAND]...\n" +
        "  --port N                       TCP port on 127.0.0.1 (0 = a free port; default 0)\n" +
        "  --access-key / --secret-key    the key pair requests must be signed with (default test/test)\n" +
        "  --account-id ID                the 12-digit account in every ARN (default " + LocalServerOptions.DefaultAccountId + ")\n" +
        "  --rotation-function NAME=CMD   run CMD for the rotation Lambda NAME (event JSON on stdin)";

    /// <summary>Returns the options, or throws <see cref="ArgumentException"/> naming the bad argument.</summary>
    public static LocalServerOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LocalServerOptions { HandleConsoleSignals = true };
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{arg} needs a value.");
            switch (arg)
            {
                case "--port":
                    var text = Value();
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
                        throw new ArgumentException($"--port must be a number from 0 to 65535, not '{text}'.");
                    options.Port = port;
                    break;
                case "--access-key":
                    options.AccessKey = NonEmpty(arg, Value());
                    break;
                case "--secret-key":
                    options.SecretKey = NonEmpty(arg, Value());
                    break;
                case "--account-id":
                    var account = Value();
                    if (!IsAccountId(account))
                        throw new ArgumentException($"--account-id must be 12 digits, like {LocalServerOptions.DefaultAccountId}, not '{account}'.");
                    options.AccountId = account;
                    break;
                case "--rotation-function":
                    var spec = Value();
                    var eq = spec.IndexOf('=');
                    if (eq <= 0 || eq == spec.Length - 1)
                        throw new ArgumentException($"--rotation-function must be NAME=COMMAND, not '{spec}'.");
                    options.RotationFunctions[spec[..eq]] = spec[(eq + 1)..];
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{arg}'.");
            }
        }
        return options;
    }

    /// <summary>An AWS account id: exactly 12 ASCII digits.</summary>
    public static bool IsAccountId(string? value) => value is { Length: 12 } && value.All(char.IsAsciiDigit);

    private static string NonEmpty(string name, string value) =>
        value.Length > 0 ? value : throw new ArgumentException($"{name} must not be empty.");
}
