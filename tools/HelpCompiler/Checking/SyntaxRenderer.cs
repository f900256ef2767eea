using System.Text;
using SecretsManager.HelpCompiler.Metadata;

namespace SecretsManager.HelpCompiler.Checking;

/// <summary>Writes a parameter set's syntax line from the code's metadata, the way platyPS pages show it.</summary>
public static class SyntaxRenderer
{
    /// <summary>PowerShell's name for the only set of a cmdlet that declares none.</summary>
    public const string AllParameterSets = "__AllParameterSets";

    /// <summary>The <c>###</c> heading of a set in the SYNTAX section.</summary>
    public static string Heading(CommandMetadata command, ParameterSetMetadata set) =>
        set.IsDefault && command.ParameterSets.Count > 1 ? $"{set.Name} (Default)" : set.Name;

    public static string Render(CommandMetadata command, ParameterSetMetadata set)
    {
        var sb = new StringBuilder(command.Name);
        // Positional parameters first, by position, then mandatory named ones, then the rest: how Get-Command reads.
        var ordered = set.Parameters
            .Select((member, index) => (member, index))
            .OrderBy(x => x.member.Position.HasValue ? 0 : x.member.Mandatory ? 1 : 2)
            .ThenBy(x => x.member.Position ?? int.MaxValue)
            .ThenBy(x => x.index)
            .Select(x => x.member);
        foreach (var member in ordered)
        {
            var parameter = command.FindParameter(member.Name)!;
            sb.Append(' ').Append(Token(parameter, member));
        }
        sb.Append(" [<CommonParameters>]");
        return sb.ToString();
    }

    private static string Token(ParameterMetadata parameter, ParameterSetMembership member)
    {
        if (parameter.IsSwitch) return member.Mandatory ? $"-{parameter.Name}" : $"[-{parameter.Name}]";
        var name = member.Position.HasValue ? $"[-{parameter.Name}]" : $"-{parameter.Name}";
        var token = $"{name} <{parameter.Type}>";
        return member.Mandatory ? token : $"[{token}]";
    }

    /// <summary>Whitespace-insensitive comparison of two syntax lines.</summary>
    public static bool Same(string? a, string? b) => Normalize(a) == Normalize(b);

    public static string Normalize(string? text) =>
        string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
