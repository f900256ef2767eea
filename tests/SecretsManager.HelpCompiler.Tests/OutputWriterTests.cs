using System.Xml.Linq;
using SecretsManager.HelpCompiler;
using SecretsManager.HelpCompiler.Output;

namespace SecretsManager.HelpCompiler.Tests;

public class OutputWriterTests
{
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    private static XElement CompileFixture()
    {
        var (page, diagnostics) = Fixture.Check(Fixture.ValidPage);
        Assert.Empty(diagnostics);
        var xml = MamlWriter.Write(new[] { (page, Fixture.Command) });
        return XDocument.Parse(xml).Root!.Element(Command + "command")!;
    }

    [Fact]
    public void Maml_holds_name_synopsis_description_and_examples()
    {
        var command = CompileFixture();
        var details = command.Element(Command + "details")!;
        Assert.Equal("Get-SmSecretValue", details.Element(Command + "name")!.Value);
        Assert.Equal("Get", details.Element(Command + "verb")!.Value);
        Assert.Equal("SmSecretValue", details.Element(Command + "noun")!.Value);
        Assert.Equal("Reads the value of one or more secrets.", details.Element(Maml + "description")!.Element(Maml + "para")!.Value);
        Assert.Equal(2, command.Element(Maml + "description")!.Elements(Maml + "para").Count());
        var examples = command.Element(Command + "examples")!.Elements(Command + "example").ToList();
        Assert.Equal(2, examples.Count);
        Assert.Equal("Get-SmSecretValue -SecretId prod/billing/db -AsPlainText", examples[0].Element(Dev + "code")!.Value);
        Assert.DoesNotContain("hunter2", command.ToString()); // setup comments never reach the help
    }

    [Fact]
    public void Maml_parameters_carry_the_code_metadata_and_the_page_prose()
    {
        var command = CompileFixture();
        var secretId = command.Element(Command + "parameters")!.Elements(Command + "parameter").Single(p => p.Element(Maml + "name")!.Value == "SecretId");
        Assert.Equal("true", secretId.Attribute("required")!.Value);
        Assert.Equal("0", secretId.Attribute("position")!.Value);
        Assert.Equal("True (ByPropertyName, ByValue)", secretId.Attribute("pipelineInput")!.Value);
        Assert.Equal("ARN, Id, Name", secretId.Attribute("aliases")!.Value);
        Assert.Equal("The name or ARN of the secret.", secretId.Element(Maml + "description")!.Value);
        Assert.Equal("String[]", secretId.Element(Command + "parameterValue")!.Value);
        var versionId = command.Element(Command + "parameters")!.Elements(Command + "parameter").Single(p => p.Element(Maml + "name")!.Value == "VersionId");
        Assert.Equal("The AWSCURRENT version", versionId.Element(Dev + "defaultValue")!.Value);
    }

    [Fact]
    public void Maml_has_one_syntax_item_per_set_and_switches_have_no_value_there()
    {
        var command = CompileFixture();
        var items = command.Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();
        Assert.Equal(2, items.Count);
        var asPlainText = items[1].Elements(Command + "parameter").Single(p => p.Element(Maml + "name")!.Value == "AsPlainText");
        Assert.Null(asPlainText.Element(Command + "parameterValue"));
    }

    [Fact]
    public void Maml_links_start_with_the_online_version()
    {
        var links = CompileFixture().Element(Command + "relatedLinks")!.Elements(Maml + "navigationLink").ToList();
        Assert.Equal("Online Version:", links[0].Element(Maml + "linkText")!.Value);
        Assert.Equal("https://github.com/secretsmanager-ps/SecretsManager/blob/main/docs/en-US/Get-SmSecretValue.md", links[0].Element(Maml + "uri")!.Value);
        Assert.Equal("https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html", links[1].Element(Maml + "uri")!.Value);
        Assert.Equal("", links[2].Element(Maml + "uri")!.Value);
    }

    [Fact]
    public void About_topic_is_plain_wrapped_text()
    {
        var d = new DiagnosticBag("docs/en-US/about_Fixture.md");
        var outline = AboutTopicWriter.Read(File.ReadAllText(Path.Combine(Fixture.Dir, "about_Fixture.md")), "about_Fixture", d);
        Assert.Empty(d.Items);
        var text = AboutTopicWriter.Render(outline);
        var lines = text.Split('\n');
        Assert.Equal("TOPIC", lines[0]);
        Assert.Equal("    about_Fixture", lines[1]);
        Assert.Contains("SHORT DESCRIPTION", lines);
        Assert.All(lines, l => Assert.True(l.Length <= AboutTopicWriter.Width, $"line longer than {AboutTopicWriter.Width}: {l}"));
        Assert.Contains("    Plain code and bold lose their marks.", lines);
        Assert.Contains("        $PSDefaultParameterValues['*-Sm*:Region'] = 'us-east-1'", lines);
        Assert.Contains("    Get-SECSecretValue  Get-SmSecretValue", lines);
        Assert.Contains("    - second item", lines);
    }

    [Fact]
    public void About_topic_separates_sections_by_exactly_one_blank_line()
    {
        var d = new DiagnosticBag("docs/en-US/about_Fixture.md");
        var text = AboutTopicWriter.Render(AboutTopicWriter.Read(File.ReadAllText(Path.Combine(Fixture.Dir, "about_Fixture.md")), "about_Fixture", d));
        Assert.DoesNotContain("\n\n\n", text);
        var at = text.IndexOf("\nLONG DESCRIPTION\n", StringComparison.Ordinal);
        Assert.True(at > 1 && text[at - 1] == '\n' && text[at - 2] != '\n', "one blank line before LONG DESCRIPTION");
    }

    [Fact]
    public void About_page_without_its_sections_is_an_error()
    {
        var d = new DiagnosticBag("docs/en-US/about_Fixture.md");
        AboutTopicWriter.Read("# about_Fixture\n\n## LONG DESCRIPTION\nText.\n", "about_Fixture", d);
        var error = Assert.Single(d.Items);
        Assert.Equal("docs/en-US/about_Fixture.md:1: error: the about page has no '## SHORT DESCRIPTION' section", error.ToString());
    }
}
