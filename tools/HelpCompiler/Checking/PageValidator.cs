using SecretsManager.HelpCompiler.Metadata;
using SecretsManager.HelpCompiler.Pages;

namespace SecretsManager.HelpCompiler.Checking;

/// <summary>
/// Checks a cmdlet page against the built cmdlet. The code is the truth for syntax and parameter metadata;
/// the page is the truth for prose, which must exist (no stubs) but is not compared with anything.
/// </summary>
public static class PageValidator
{
    public const string ExternalHelpFile = "SecretsManager.dll-Help.xml";
    public const string ModuleName = "SecretsManager";
    public const string Schema = "2.0.0";

    public static void Validate(HelpPage page, CommandMetadata command, DiagnosticBag d)
    {
        CheckHeader(page, d);
        if (page.Title is not null && !string.Equals(page.Title, command.Name, StringComparison.Ordinal))
            d.Error(page.TitleLine, $"the title '# {page.Title}' does not match the cmdlet name {command.Name}");

        if (page.Section("SYNOPSIS") is { } synopsis && Placeholder.IsMissing(page.Synopsis))
            d.Error(synopsis.Line, "SYNOPSIS is empty or still a TODO stub");
        if (page.Section("SYNTAX") is { } syntax) CheckSyntax(page, syntax, command, d);
        if (page.Section("DESCRIPTION") is { } description && Placeholder.IsMissing(page.Description))
            d.Error(description.Line, "DESCRIPTION is empty or still a TODO stub");
        if (page.Section("EXAMPLES") is { } examples) CheckExamples(page, examples, d);
        if (page.Section("PARAMETERS") is { } parameters) CheckParameters(page, parameters, command, d);
        if (page.Section("INPUTS") is { } inputs && page.Inputs.Count == 0)
            d.Error(inputs.Line, "INPUTS lists no type; write '### None' if the cmdlet takes no pipeline input");
        foreach (var input in page.Inputs.Where(i => Placeholder.IsMissing(i.Description) && i.TypeName != "None"))
            d.Error(input.Line, $"input type {input.TypeName} has no description (or a TODO stub)");
        if (page.Section("OUTPUTS") is { } outputs) CheckOutputs(page, outputs, command, d);
        if (page.Section("NOTES") is { } notes && page.Notes.Count > 0 && Placeholder.IsMissing(page.Notes))
            d.Error(notes.Line, "NOTES still has a TODO stub");
        if (page.Section("RELATED LINKS") is { } links) CheckLinks(page, links, d);
    }

    public static void CheckHeader(HelpPage page, DiagnosticBag d)
    {
        if (!page.Header.IsPresent) return; // the parser has already said what is wrong with it
        Expect(page, d, "external help file", ExternalHelpFile);
        Expect(page, d, "Module Name", ModuleName);
        Expect(page, d, "schema", Schema);
        var online = page.Header.Get("online version");
        if (online is null) d.Error(page.Header.EndLine, "the header has no 'online version:' URL");
        else if (!MarkdownText.IsAbsoluteUrl(online.Value)) d.Error(online.Line, $"'online version: {online.Value}' is not an absolute http(s) URL");
    }

    private static void Expect(HelpPage page, DiagnosticBag d, string key, string value)
    {
        var field = page.Header.Get(key);
        if (field is null) d.Error(page.Header.EndLine, $"the header has no '{key}: {value}' line");
        else if (!string.Equals(field.Value, value, StringComparison.Ordinal)) d.Error(field.Line, $"header '{key}' is '{field.Value}', expected '{value}'");
    }

    private static void CheckSyntax(HelpPage page, PageSection section, CommandMetadata command, DiagnosticBag d)
    {
        foreach (var set in command.ParameterSets)
        {
            var entry = page.Syntax.FirstOrDefault(s => string.Equals(s.SetName, set.Name, StringComparison.Ordinal));
            var expected = SyntaxRenderer.Render(command, set);
            if (entry is null)
            {
                d.Error(section.Line, $"SYNTAX has no '### {SyntaxRenderer.Heading(command, set)}' for parameter set {set.Name}: {expected}");
                continue;
            }
            var heading = SyntaxRenderer.Heading(command, set);
            var actualHeading = entry.IsDefault ? $"{entry.SetName} (Default)" : entry.SetName;
            if (actualHeading != heading) d.Error(entry.Line, $"syntax heading '### {actualHeading}' should read '### {heading}'");
            if (entry.Code is not null && !SyntaxRenderer.Same(entry.Code, expected))
                d.Error(entry.CodeLine, $"syntax of set {set.Name} differs from the code; expected: {expected}");
        }
        foreach (var entry in page.Syntax.Where(s => command.ParameterSets.All(set => set.Name != s.SetName)))
            d.Error(entry.Line, $"SYNTAX documents parameter set '{entry.SetName}', which {command.Name} does not have");
    }

    private static void CheckExamples(HelpPage page, PageSection section, DiagnosticBag d)
    {
        if (page.Examples.Count < 2)
            d.Error(section.Line, $"EXAMPLES has {page.Examples.Count} example(s); every cmdlet needs at least two (a simple one and a pipeline one)");
        foreach (var example in page.Examples)
        {
            if (Placeholder.IsMissing(example.Code) && !string.IsNullOrEmpty(example.Code))
                d.Error(example.CodeLine, $"example '{example.Title}' still has a TODO stub");
            if (Placeholder.IsMissing(example.Title)) d.Error(example.Line, "example title is a TODO stub");
        }
    }

    private static void CheckParameters(HelpPage page, PageSection section, CommandMetadata command, DiagnosticBag d)
    {
        foreach (var parameter in command.Parameters)
        {
            if (page.FindParameter(parameter.Name) is null)
                d.Error(section.Line, $"parameter -{parameter.Name} exists in the code but is not documented");
        }
        foreach (var entry in page.Parameters)
        {
            var parameter = command.FindParameter(entry.Name);
            if (parameter is null)
            {
                d.Error(entry.Line, $"parameter -{entry.Name} is documented but does not exist");
                continue;
            }
            if (!string.Equals(parameter.Name, entry.Name, StringComparison.Ordinal))
                d.Error(entry.Line, $"parameter heading '-{entry.Name}' should be spelled '-{parameter.Name}'");
            if (Placeholder.IsMissing(entry.Description))
                d.Error(entry.Line, $"parameter -{parameter.Name} has no description (or a TODO stub)");
            if (entry.Blocks.Count > 0) CheckBlocks(entry, command, parameter, d);
        }
        if (!page.HasCommonParameters) d.Error(section.Line, "PARAMETERS has no '### CommonParameters' entry");
    }

    private static void CheckBlocks(ParameterEntry entry, CommandMetadata command, ParameterMetadata parameter, DiagnosticBag d)
    {
        var defaultValue = entry.Blocks[0].Get(ParameterBlockRenderer.DefaultValueKey)?.Value;
        var expected = ParameterBlockRenderer.Render(command, parameter, defaultValue);
        if (expected.Count != entry.Blocks.Count)
        {
            var groups = string.Join("; ", expected.Select(e => e.Get("Parameter Sets")));
            d.Error(entry.Line, $"parameter -{parameter.Name} has {entry.Blocks.Count} metadata block(s), the code needs {expected.Count} (parameter sets: {groups})");
            return;
        }
        for (var i = 0; i < expected.Count; i++)
        {
            var actual = entry.Blocks[i];
            foreach (var (key, value) in expected[i].Fields.Where(f => f.Key.Length > 0))
            {
                var field = actual.Get(key);
                if (field is null)
                {
                    d.Error(actual.Line, $"parameter -{parameter.Name}: metadata block has no '{key}:' line (the code says '{value}')");
                    continue;
                }
                if (key == ParameterBlockRenderer.DefaultValueKey)
                {
                    if (string.IsNullOrWhiteSpace(field.Value)) d.Error(field.Line, $"parameter -{parameter.Name}: 'Default value:' is empty; write None if there is none");
                    else if (!StartsWithCodeDefault(field.Value, parameter.CodeDefault))
                        d.Error(field.Line, $"parameter -{parameter.Name}: Default value is '{field.Value}' in the page but the code initialises it to '{parameter.CodeDefault}'");
                    continue;
                }
                if (!SameValue(key, field.Value, value))
                    d.Error(field.Line, $"parameter -{parameter.Name}: {key} is '{field.Value}' in the page but '{value}' in the code");
            }
            foreach (var field in actual.Fields.Where(f => expected[i].Fields.All(e => !string.Equals(e.Key, f.Key, StringComparison.OrdinalIgnoreCase))))
                d.Error(field.Line, $"parameter -{parameter.Name}: metadata key '{field.Key}' is unknown or does not apply (the code has no such fact)");
        }
    }

    /// <summary>True when the code sets no default, or the page's value is that default, optionally followed by prose.</summary>
    private static bool StartsWithCodeDefault(string pageValue, string? codeDefault)
    {
        if (string.IsNullOrEmpty(codeDefault)) return true;
        var value = pageValue.Trim();
        if (!value.StartsWith(codeDefault, StringComparison.OrdinalIgnoreCase)) return false;
        // "120 (two minutes)" is fine; "1200" is not 120.
        return value.Length == codeDefault.Length || !char.IsLetterOrDigit(value[codeDefault.Length]);
    }

    private static bool SameValue(string key, string actual, string expected)
    {
        if (key is "Aliases" or "Parameter Sets" or "Accepted values")
        {
            static string[] Items(string s) => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal).ToArray();
            return Items(actual).SequenceEqual(Items(expected));
        }
        return string.Equals(SyntaxRenderer.Normalize(actual), SyntaxRenderer.Normalize(expected), StringComparison.Ordinal);
    }

    private static void CheckOutputs(HelpPage page, PageSection section, CommandMetadata command, DiagnosticBag d)
    {
        foreach (var type in command.OutputTypes.Where(t => page.Outputs.All(o => o.TypeName != t)))
            d.Error(section.Line, $"OUTPUTS does not list {type}, which the cmdlet declares in [OutputType]");
        foreach (var output in page.Outputs)
        {
            var declared = command.OutputTypes.Contains(output.TypeName);
            if (!declared && !(output.TypeName == "None" && command.OutputTypes.Count == 0))
                d.Error(output.Line, $"OUTPUTS lists {output.TypeName}, which the cmdlet does not declare in [OutputType] ({(command.OutputTypes.Count == 0 ? "none" : string.Join(", ", command.OutputTypes))})");
            if (declared && Placeholder.IsMissing(output.Description))
                d.Error(output.Line, $"output type {output.TypeName} has no description (or a TODO stub)");
        }
        if (page.Outputs.Count == 0 && command.OutputTypes.Count == 0)
            d.Error(section.Line, "OUTPUTS lists no type; write '### None' if the cmdlet writes nothing");
    }

    private static void CheckLinks(HelpPage page, PageSection section, DiagnosticBag d)
    {
        if (!page.RelatedLinks.Any(l => MarkdownText.IsAbsoluteUrl(l.Uri)))
            d.Error(section.Line, "RELATED LINKS has no online link (an http(s) URL such as the AWS API reference page)");
        foreach (var link in page.RelatedLinks.Where(l => l.Uri.Length > 0 && !MarkdownText.IsAbsoluteUrl(l.Uri) && !l.Uri.EndsWith(".md", StringComparison.OrdinalIgnoreCase)))
            d.Error(link.Line, $"related link '{link.Text}' has '{link.Uri}', which is neither an http(s) URL nor a page in docs/en-US");
    }
}
