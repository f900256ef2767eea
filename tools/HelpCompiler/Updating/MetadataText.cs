using System.Text;
using SecretsManager.HelpCompiler.Checking;
using SecretsManager.HelpCompiler.Metadata;

namespace SecretsManager.HelpCompiler.Updating;

/// <summary>The markdown the updater writes for code-owned parts: SYNTAX, metadata blocks and stubs.</summary>
public static class MetadataText
{
    /// <summary>Body of the SYNTAX section (after its heading), ending with a blank line.</summary>
    public static string SyntaxBody(CommandMetadata command)
    {
        var sb = new StringBuilder("\n");
        foreach (var set in command.ParameterSets)
        {
            sb.Append("### ").Append(SyntaxRenderer.Heading(command, set)).Append('\n');
            sb.Append("```\n").Append(SyntaxRenderer.Render(command, set)).Append("\n```\n\n");
        }
        return sb.ToString();
    }

    public static string Blocks(CommandMetadata command, ParameterMetadata parameter, string? defaultValue) =>
        string.Join("\n", ParameterBlockRenderer.Render(command, parameter, defaultValue).Select(b => b.ToYaml()));

    /// <summary>A new parameter's section: a TODO description that the check rejects until someone writes it.</summary>
    public static string ParameterStub(CommandMetadata command, ParameterMetadata parameter) =>
        $"### -{parameter.Name}\n{Placeholder.Marker}: describe -{parameter.Name}.\n\n{Blocks(command, parameter, null)}\n";

    public static string OutputStub(string type) => $"### {type}\n{Placeholder.Marker}: describe what {type} holds.\n\n";
}
