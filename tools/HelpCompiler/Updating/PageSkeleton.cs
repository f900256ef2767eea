using System.Text;
using SecretsManager.HelpCompiler.Checking;
using SecretsManager.HelpCompiler.Metadata;

namespace SecretsManager.HelpCompiler.Updating;

/// <summary>A new page for a cmdlet that has none: correct metadata, TODO prose that the check rejects until written.</summary>
public static class PageSkeleton
{
    public static string Create(CommandMetadata command, string onlineVersion)
    {
        var todo = Placeholder.Marker;
        var sb = new StringBuilder();
        sb.Append("---\n")
          .Append($"external help file: {PageValidator.ExternalHelpFile}\n")
          .Append($"Module Name: {PageValidator.ModuleName}\n")
          .Append($"online version: {onlineVersion}\n")
          .Append($"schema: {PageValidator.Schema}\n")
          .Append("---\n\n")
          .Append($"# {command.Name}\n\n## SYNOPSIS\n{todo}: one sentence.\n\n## SYNTAX\n")
          .Append(MetadataText.SyntaxBody(command))
          .Append($"## DESCRIPTION\n{todo}: what AWS does, what the cmdlet adds, defaults, what goes wrong.\n\n")
          .Append($"## EXAMPLES\n\n### Example 1: {todo}\n```powershell\n{todo}\n```\n\n{todo}: what it shows.\n\n")
          .Append($"### Example 2: {todo}\n```powershell\n{todo}\n```\n\n{todo}: what it shows.\n\n")
          .Append("## PARAMETERS\n\n");
        foreach (var parameter in command.Parameters) sb.Append(MetadataText.ParameterStub(command, parameter));
        sb.Append("### CommonParameters\nThis cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, -InformationAction, -InformationVariable, -OutBuffer, -OutVariable, -PipelineVariable, -ProgressAction, -Verbose, -WarningAction, and -WarningVariable. For more information, see [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).\n\n")
          .Append($"## INPUTS\n\n### {todo}\n\n## OUTPUTS\n\n");
        foreach (var type in command.OutputTypes) sb.Append(MetadataText.OutputStub(type));
        if (command.OutputTypes.Count == 0) sb.Append("### None\n\n");
        sb.Append("## NOTES\n\n## RELATED LINKS\n\n")
          .Append($"[{todo}: AWS API reference]()\n");
        return sb.ToString();
    }
}
