using SecretsManager.HelpCompiler;
using SecretsManager.HelpCompiler.Metadata;

namespace SecretsManager.HelpCompiler.Tests;

/// <summary>Runs the whole compilation over a temporary repository layout.</summary>
public sealed class HelpCompilationTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "helpcompiler-" + Guid.NewGuid().ToString("N"));

    public HelpCompilationTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "docs/en-US"));
        File.WriteAllText(Path.Combine(_root, "docs/en-US/Get-SmSecretValue.md"), Fixture.ValidPage);
        File.Copy(Path.Combine(Fixture.Dir, "about_Fixture.md"), Path.Combine(_root, "docs/en-US/about_Fixture.md"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private CompilationResult Run(ModuleMetadata module, bool update = false) => new HelpCompilation(new CompilerOptions
    {
        Root = _root,
        DocsDirectory = Path.Combine(_root, "docs/en-US"),
        OutputDirectory = Path.Combine(_root, "out/SecretsManager/en-US"),
        ExamplesPath = Path.Combine(_root, "out/help/examples.json"),
        Update = update,
    }, module).Run();

    [Fact]
    public void Writes_maml_about_topic_and_example_list_when_pages_match()
    {
        var result = Run(Fixture.Module);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.True(File.Exists(Path.Combine(_root, "out/SecretsManager/en-US/SecretsManager.dll-Help.xml")));
        Assert.True(File.Exists(Path.Combine(_root, "out/SecretsManager/en-US/about_Fixture.help.txt")));
        var examples = File.ReadAllText(Path.Combine(_root, "out/help/examples.json"));
        Assert.Contains("\"skipReason\": \"needs a second region\"", examples);
        Assert.Contains("\"file\": \"docs/en-US/Get-SmSecretValue.md\"", examples);
    }

    [Fact]
    public void A_cmdlet_without_a_page_fails_naming_the_page_it_needs()
    {
        var module = Fixture.Module;
        module.Commands.Add(new CommandMetadata { Name = "Remove-SmSecret", ParameterSets = { new ParameterSetMetadata { Name = "__AllParameterSets", IsDefault = true } } });
        var result = Run(module);
        Assert.False(result.Succeeded);
        Assert.Contains("docs/en-US/Remove-SmSecret.md:1: error: cmdlet Remove-SmSecret has no help page (run ./build.ps1 UpdateHelp to create a stub)", result.Diagnostics.Select(d => d.ToString()));
        Assert.False(File.Exists(Path.Combine(_root, "out/SecretsManager/en-US/SecretsManager.dll-Help.xml")));
    }

    [Fact]
    public void A_page_for_a_cmdlet_the_module_lacks_fails_clearly_even_when_nothing_is_implemented()
    {
        var module = Fixture.Module;
        module.Commands.Clear();
        var result = Run(module);
        Assert.Contains("docs/en-US/Get-SmSecretValue.md:8: error: Get-SmSecretValue is listed in the manifest's CmdletsToExport but the built module does not export it (not implemented yet?)",
            result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Update_creates_a_stub_page_for_a_new_cmdlet_and_the_check_asks_for_its_prose()
    {
        var module = Fixture.Module;
        module.Commands.Add(new CommandMetadata
        {
            Name = "Remove-SmSecret",
            Parameters = { new ParameterMetadata { Name = "SecretId", Type = "String" } },
            ParameterSets = { new ParameterSetMetadata { Name = "__AllParameterSets", IsDefault = true, Parameters = { new ParameterSetMembership { Name = "SecretId", Mandatory = true, Position = 0 } } } },
        });
        var result = Run(module, update: true);
        Assert.Contains("docs/en-US/Remove-SmSecret.md", result.UpdatedFiles);
        var page = File.ReadAllText(Path.Combine(_root, "docs/en-US/Remove-SmSecret.md"));
        Assert.Contains("### __AllParameterSets\n```\nRemove-SmSecret [-SecretId] <String> [<CommonParameters>]\n```", page);
        Assert.False(result.Succeeded);
        Assert.All(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), d => Assert.Equal("docs/en-US/Remove-SmSecret.md", d.File));
    }

    [Fact]
    public void Metadata_that_names_an_unknown_parameter_is_rejected()
    {
        var json = File.ReadAllText(Path.Combine(Fixture.Dir, "metadata.json")).Replace("{ \"name\": \"VersionId\", \"mandatory\"", "{ \"name\": \"Missing\", \"mandatory\"");
        var error = Assert.Throws<InvalidDataException>(() => MetadataReader.Parse(json));
        Assert.Contains("names parameter 'Missing'", error.Message);
    }
}
