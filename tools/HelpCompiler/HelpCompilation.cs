using SecretsManager.HelpCompiler.Checking;
using SecretsManager.HelpCompiler.Metadata;
using SecretsManager.HelpCompiler.Output;
using SecretsManager.HelpCompiler.Pages;
using SecretsManager.HelpCompiler.Updating;

namespace SecretsManager.HelpCompiler;

/// <summary>The outcome of a run: every finding, and what was written.</summary>
public sealed class CompilationResult
{
    public List<Diagnostic> Diagnostics { get; } = new();

    public List<string> UpdatedFiles { get; } = new();

    public List<string> WrittenFiles { get; } = new();

    public int ErrorCount => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

    public bool Succeeded => ErrorCount == 0;
}

/// <summary>
/// Runs the help build: optionally updates pages from the code, checks every page against the code, then writes
/// MAML, about topics and the example list. Output is written only when there is no error, so a stale help file
/// never ships with a failed build.
/// </summary>
public sealed class HelpCompilation
{
    private readonly CompilerOptions _options;
    private readonly ModuleMetadata _module;

    public HelpCompilation(CompilerOptions options, ModuleMetadata module)
    {
        _options = options;
        _module = module;
    }

    public CompilationResult Run()
    {
        var result = new CompilationResult();
        if (!Directory.Exists(_options.DocsDirectory))
        {
            result.Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, Display(_options.DocsDirectory), 1, "the help source folder does not exist"));
            return result;
        }
        if (_options.Update) UpdatePages(result);

        var compiled = new List<(HelpPage, CommandMetadata)>();
        var examples = new List<ExampleRecord>();
        var documented = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in CommandPages())
        {
            var d = new DiagnosticBag(Display(path));
            var page = HelpPageParser.Parse(File.ReadAllText(path), d.File, d);
            var name = Path.GetFileNameWithoutExtension(path);
            documented.Add(name);
            examples.AddRange(ExampleCatalog.From(page));
            var command = _module.Find(name);
            if (command is null)
            {
                var listed = _module.ManifestCmdlets.Contains(name, StringComparer.OrdinalIgnoreCase);
                d.Error(page.TitleLine, listed
                    ? $"{name} is listed in the manifest's CmdletsToExport but the built module does not export it (not implemented yet?)"
                    : $"the page documents {name}, which the built module does not export");
            }
            else
            {
                PageValidator.Validate(page, command, d);
                compiled.Add((page, command));
            }
            result.Diagnostics.AddRange(d.Items);
        }
        foreach (var command in _module.Commands.Where(c => !documented.Contains(c.Name)))
        {
            result.Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, Display(PagePath(command.Name)), 1,
                $"cmdlet {command.Name} has no help page (run ./build.ps1 UpdateHelp to create a stub)"));
        }

        var abouts = new List<(string Name, string Text)>();
        foreach (var path in Directory.GetFiles(_options.DocsDirectory, "about_*.md").Order(StringComparer.Ordinal))
        {
            var d = new DiagnosticBag(Display(path));
            var name = Path.GetFileNameWithoutExtension(path);
            var source = File.ReadAllText(path);
            var outline = AboutTopicWriter.Read(source, name, d);
            if (!d.HasErrors)
            {
                var text = AboutTopicWriter.Render(outline);
                AboutTopicWriter.CheckWidth(source, text, d);
                abouts.Add((name, text));
            }
            result.Diagnostics.AddRange(d.Items);
        }

        if (_options.ExamplesPath is { } examplesPath) Write(result, examplesPath, ExampleCatalog.ToJson(examples));
        if (!result.Succeeded) return result;

        var order = _module.Commands.Select(c => c.Name).ToList();
        Write(result, Path.Combine(_options.OutputDirectory, _options.MamlFileName),
            MamlWriter.Write(compiled.OrderBy(x => order.IndexOf(x.Item2.Name))));
        foreach (var (name, text) in abouts) Write(result, Path.Combine(_options.OutputDirectory, name + ".help.txt"), text);
        if (_options.UpdatableHelp is { } updatable)
        {
            // The culture is the help folder's name (en-US), as PowerShell looks the help up by it.
            updatable.Culture = Path.GetFileName(Path.TrimEndingDirectorySeparator(_options.OutputDirectory));
            foreach (var path in Packaging.UpdatableHelpWriter.Write(updatable, _options.OutputDirectory)) result.WrittenFiles.Add(Display(path));
        }
        return result;
    }

    private void UpdatePages(CompilationResult result)
    {
        foreach (var command in _module.Commands)
        {
            var path = PagePath(command.Name);
            if (File.Exists(path)) continue;
            File.WriteAllText(path, PageSkeleton.Create(command, string.Format(System.Globalization.CultureInfo.InvariantCulture, _options.OnlineVersionFormat, command.Name)));
            result.UpdatedFiles.Add(Display(path));
            result.Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, Display(path), 1, $"created a stub page for {command.Name}: write its prose"));
        }
        foreach (var path in CommandPages())
        {
            var command = _module.Find(Path.GetFileNameWithoutExtension(path));
            if (command is null) continue; // nothing to take metadata from; the check reports it
            var source = File.ReadAllText(path).Replace("\r\n", "\n");
            var d = new DiagnosticBag(Display(path));
            var page = HelpPageParser.Parse(source, d.File, d);
            var updated = PageUpdater.Update(page, command, d);
            result.Diagnostics.AddRange(d.Items.Where(x => x.Severity == DiagnosticSeverity.Warning));
            if (updated == source) continue;
            File.WriteAllText(path, updated);
            result.UpdatedFiles.Add(Display(path));
        }
    }

    private IEnumerable<string> CommandPages() =>
        Directory.GetFiles(_options.DocsDirectory, "*.md")
            .Where(p => !Path.GetFileName(p).StartsWith("about_", StringComparison.OrdinalIgnoreCase))
            .Where(p => !string.Equals(Path.GetFileName(p), "README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);

    private string PagePath(string command) => Path.Combine(_options.DocsDirectory, command + ".md");

    private void Write(CompilationResult result, string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, text);
        result.WrittenFiles.Add(Display(path));
    }

    private string Display(string path) => Path.GetRelativePath(_options.Root, Path.GetFullPath(path)).Replace('\\', '/');
}
