using SecretsManager.HelpCompiler;
using SecretsManager.HelpCompiler.Pages;

namespace SecretsManager.HelpCompiler.Tests;

public class HelpPageParserTests
{
    [Fact]
    public void A_header_that_is_never_closed_fails_naming_the_file_and_line_1()
    {
        var text = Fixture.ReplaceOnce(Fixture.ValidPage, "schema: 2.0.0\n---\n", "schema: 2.0.0\n");
        var (_, diagnostics) = Fixture.Check(text);
        Assert.Contains($"{Fixture.PageFile}:1: error: the YAML header is not closed: no '---' line after the opening one", diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_header_line_that_is_not_key_value_fails_on_its_line()
    {
        var text = Fixture.ReplaceOnce(Fixture.ValidPage, "Module Name: SecretsManager\n", "Module Name SecretsManager\n");
        var (_, diagnostics) = Fixture.Check(text);
        var messages = diagnostics.Select(d => d.ToString()).ToList();
        Assert.Contains($"{Fixture.PageFile}:3: error: header line 'Module Name SecretsManager' is not 'key: value'", messages);
        Assert.Contains($"{Fixture.PageFile}:6: error: the header has no 'Module Name: SecretsManager' line", messages);
    }

    [Fact]
    public void A_page_without_a_header_fails_on_line_1()
    {
        var text = Fixture.ValidPage[(Fixture.ValidPage.IndexOf("# Get-SmSecretValue", StringComparison.Ordinal))..];
        var (_, diagnostics) = Fixture.Check(text);
        Assert.Contains($"{Fixture.PageFile}:1: error: the page must start with a YAML header ('---' on the first line)", diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_wrong_header_value_fails_on_its_line()
    {
        var text = Fixture.ReplaceOnce(Fixture.ValidPage, "external help file: SecretsManager.dll-Help.xml", "external help file: Other.dll-Help.xml");
        var error = Assert.Single(Fixture.Check(text).Diagnostics);
        Assert.Equal($"{Fixture.PageFile}:2: error: header 'external help file' is 'Other.dll-Help.xml', expected 'SecretsManager.dll-Help.xml'", error.ToString());
    }

    [Fact]
    public void Reads_examples_with_their_setup_and_skip_markers()
    {
        var (page, _) = Fixture.Check(Fixture.ValidPage);
        Assert.Equal(2, page.Examples.Count);
        var first = page.Examples[0];
        Assert.Equal("Example 1: Read a database password", first.Title);
        Assert.Equal("Get-SmSecretValue -SecretId prod/billing/db -AsPlainText", first.Code);
        Assert.Equal(Fixture.LineOf(Fixture.ValidPage, "Get-SmSecretValue -SecretId prod/billing/db"), first.CodeLine);
        Assert.Equal("New-SmSecret -Name prod/billing/db -SecretString 'hunter2'", first.Setup);
        Assert.Null(first.SkipReason);
        Assert.Equal(new[] { "Returns the current value as a plain string." }, first.Remarks);
        Assert.Equal("needs a second region", page.Examples[1].SkipReason);
        Assert.Equal("    Name  VersionId", page.Examples[1].Remarks[0]);
    }

    [Fact]
    public void A_skip_marker_without_a_reason_is_an_error()
    {
        var text = Fixture.ReplaceOnce(Fixture.ValidPage, "<!-- skip: needs a second region -->", "<!-- skip: -->");
        var error = Assert.Single(Fixture.Check(text).Diagnostics);
        Assert.Equal(Fixture.LineOf(text, "<!-- skip: -->"), error.Line);
        Assert.Contains("must say why", error.Message);
    }

    [Fact]
    public void A_marker_after_the_code_block_is_an_error()
    {
        var text = Fixture.ReplaceOnce(Fixture.ValidPage, "Returns the current value as a plain string.", "<!-- skip: too late -->\n\nReturns the current value as a plain string.");
        var error = Assert.Single(Fixture.Check(text).Diagnostics);
        Assert.Contains("must come before the example's code block", error.Message);
    }

    [Fact]
    public void Prose_loses_markdown_marks()
    {
        var (page, _) = Fixture.Check(Fixture.ValidPage);
        Assert.Equal(new[] { "Reads secret values as SecureString unless -AsPlainText is given.", "Many ids are fetched in batches of 20." }, page.Description);
        Assert.Equal("Reads the value of one or more secrets.", page.Synopsis);
    }

    [Fact]
    public void Sections_out_of_order_or_unknown_are_errors()
    {
        var text = Fixture.ReplaceOnce(Fixture.ValidPage, "## NOTES\n", "## REMARKS\n");
        var messages = Fixture.Check(text).Diagnostics.Select(d => d.ToString()).ToList();
        Assert.Contains(messages, m => m.StartsWith($"{Fixture.PageFile}:{Fixture.LineOf(text, "## REMARKS")}: error: unknown section '## REMARKS'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("the page has no '## NOTES' section"));
    }

    [Fact]
    public void Related_links_keep_text_and_url()
    {
        var (page, _) = Fixture.Check(Fixture.ValidPage);
        Assert.Equal(2, page.RelatedLinks.Count);
        Assert.Equal("GetSecretValue API", page.RelatedLinks[0].Text);
        Assert.Equal("https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html", page.RelatedLinks[0].Uri);
        Assert.Equal("Get-SmSecret.md", page.RelatedLinks[1].Uri);
    }
}
