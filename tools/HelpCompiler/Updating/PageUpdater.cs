using SecretsManager.HelpCompiler.Metadata;
using SecretsManager.HelpCompiler.Pages;

namespace SecretsManager.HelpCompiler.Updating;

/// <summary>
/// Rewrites the code-owned parts of a page (SYNTAX, parameter metadata blocks, parameter and output entries)
/// from the built cmdlet and leaves every sentence of prose as it was.
/// </summary>
public static class PageUpdater
{
    /// <summary>Returns the updated source; removals of documented-but-gone parameters are reported as warnings.</summary>
    public static string Update(HelpPage page, CommandMetadata command, DiagnosticBag d)
    {
        var edits = new List<TextEdit>();
        if (page.Section("SYNTAX") is { } syntax)
            edits.Add(new TextEdit(syntax.BodyStart, syntax.End, MetadataText.SyntaxBody(command)));

        if (page.Section("PARAMETERS") is { } parameters)
        {
            foreach (var entry in page.Parameters)
            {
                var parameter = command.FindParameter(entry.Name);
                if (parameter is null)
                {
                    d.Warning(entry.Line, $"removed parameter -{entry.Name} and its description: the code no longer has it");
                    edits.Add(new TextEdit(entry.Subsection.Start, entry.Subsection.End, ""));
                    continue;
                }
                var defaultValue = entry.Blocks.FirstOrDefault()?.Get(Checking.ParameterBlockRenderer.DefaultValueKey)?.Value;
                var blocks = MetadataText.Blocks(command, parameter, defaultValue);
                if (entry.Blocks.Count == 0)
                {
                    // Put the block right after the description, with exactly one blank line on each side.
                    var at = entry.Subsection.End;
                    while (at > entry.Subsection.BodyStart && char.IsWhiteSpace(page.Source[at - 1])) at--;
                    edits.Add(new TextEdit(at, entry.Subsection.End, "\n\n" + blocks + "\n"));
                }
                else edits.Add(new TextEdit(entry.Blocks[0].Start, entry.Blocks[^1].End, blocks));
            }
            var missing = command.Parameters.Where(p => page.FindParameter(p.Name) is null).ToList();
            if (missing.Count > 0)
            {
                var common = parameters.Subsections.FirstOrDefault(s => string.Equals(s.Title.Trim(), "CommonParameters", StringComparison.OrdinalIgnoreCase));
                var at = common?.Start ?? parameters.End;
                foreach (var parameter in missing) d.Warning(parameters.Line, $"added a stub for parameter -{parameter.Name}: write its description");
                edits.Add(new TextEdit(at, at, string.Concat(missing.Select(p => MetadataText.ParameterStub(command, p)))));
            }
        }

        if (page.Section("OUTPUTS") is { } outputs)
        {
            var declared = command.OutputTypes;
            var missing = declared.Where(t => page.Outputs.All(o => o.TypeName != t)).ToList();
            foreach (var output in page.Outputs.Where(o => !declared.Contains(o.TypeName) && !(o.TypeName == "None" && declared.Count == 0)))
            {
                var sub = outputs.Subsections.First(s => s.Line == output.Line);
                d.Warning(output.Line, $"removed output type {output.TypeName}: the cmdlet does not declare it");
                edits.Add(new TextEdit(sub.Start, sub.End, ""));
            }
            if (missing.Count > 0)
            {
                foreach (var type in missing) d.Warning(outputs.Line, $"added a stub for output type {type}: write its description");
                edits.Add(new TextEdit(outputs.End, outputs.End, string.Concat(missing.Select(MetadataText.OutputStub))));
            }
        }
        return TextEdit.Apply(page.Source, edits);
    }
}
