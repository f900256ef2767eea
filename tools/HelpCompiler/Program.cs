using SecretsManager.HelpCompiler;
using SecretsManager.HelpCompiler.Metadata;
using SecretsManager.HelpCompiler.Packaging;

// Command line: HelpCompiler --root <repo> --docs <dir> --metadata <json> --out <dir> [--examples <json>] [--update]
//   [--updatable-help <dir> --module-name <name> --module-guid <guid> --module-version <version> --help-uri <url>]
// Exit codes: 0 help compiled, 1 the pages disagree with the code (findings printed), 2 bad usage or unreadable input.
var options = new CompilerOptions();
var updatable = new UpdatableHelpOptions();
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    try
    {
        switch (args[i])
        {
            case "--root": options.Root = Path.GetFullPath(Next()); break;
            case "--docs": options.DocsDirectory = Path.GetFullPath(Next()); break;
            case "--metadata": options.MetadataPath = Path.GetFullPath(Next()); break;
            case "--out": options.OutputDirectory = Path.GetFullPath(Next()); break;
            case "--examples": options.ExamplesPath = Path.GetFullPath(Next()); break;
            case "--update": options.Update = true; break;
            case "--updatable-help": updatable.OutputDirectory = Path.GetFullPath(Next()); options.UpdatableHelp = updatable; break;
            case "--module-name": updatable.ModuleName = Next(); break;
            case "--module-guid": updatable.ModuleGuid = Guid.TryParse(Next(), out var g) ? g : throw new ArgumentException("--module-guid needs a GUID"); break;
            case "--module-version": updatable.Version = Next(); break;
            case "--help-uri": updatable.HelpContentUri = Next(); break;
            default: throw new ArgumentException($"unknown argument '{args[i]}'");
        }
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine($"HelpCompiler: {e.Message}");
        return 2;
    }
}
if (options.DocsDirectory.Length == 0 || options.MetadataPath.Length == 0 || options.OutputDirectory.Length == 0)
{
    Console.Error.WriteLine("HelpCompiler: --docs, --metadata and --out are required.");
    return 2;
}

if (options.UpdatableHelp is { } u && (u.ModuleName.Length == 0 || u.ModuleGuid == Guid.Empty || u.Version.Length == 0 || u.HelpContentUri.Length == 0))
{
    Console.Error.WriteLine("HelpCompiler: --updatable-help needs --module-name, --module-guid, --module-version and --help-uri.");
    return 2;
}

ModuleMetadata module;
try
{
    module = MetadataReader.Read(options.MetadataPath);
}
catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException)
{
    Console.Error.WriteLine($"HelpCompiler: cannot read the command metadata: {e.Message}");
    return 2;
}

var result = new HelpCompilation(options, module).Run();
foreach (var diagnostic in result.Diagnostics) Console.Error.WriteLine(diagnostic);
foreach (var file in result.UpdatedFiles) Console.WriteLine($"updated {file}");
foreach (var file in result.WrittenFiles) Console.WriteLine($"wrote {file}");
if (!result.Succeeded)
{
    Console.Error.WriteLine($"HelpCompiler: {result.ErrorCount} error(s): the help pages disagree with the code or are incomplete.");
    return 1;
}
Console.WriteLine($"HelpCompiler: {module.Commands.Count} cmdlet(s) compiled.");
return 0;
