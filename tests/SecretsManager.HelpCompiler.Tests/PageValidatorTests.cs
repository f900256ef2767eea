using SecretsManager.HelpCompiler;

namespace SecretsManager.HelpCompiler.Tests;

public class PageValidatorTests
{
    [Fact]
    public void A_page_that_matches_the_code_has_no_findings()
    {
        var (_, diagnostics) = Fixture.Check(Fixture.ValidPage);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void A_missing_parameter_fails_naming_the_file_and_the_PARAMETERS_line()
    {
        var text = Fixture.RemoveParameter(Fixture.ValidPage, "VersionId");
        var (_, diagnostics) = Fixture.Check(text);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal($"{Fixture.PageFile}:{Fixture.LineOf(text, "## PARAMETERS")}: error: parameter -VersionId exists in the code but is not documented", error.ToString());
    }

    [Fact]
    public void An_extra_parameter_fails_naming_the_file_and_its_heading_line()
    {
        var text = Fixture.ReplaceOnce(Fixture.ValidPage, "### CommonParameters",
            "### -Foo\nA parameter nobody wrote.\n\n```yaml\nType: String\nParameter Sets: (All)\nAliases:\n\nRequired: False\nPosition: Named\nDefault value: None\nAccept pipeline input: False\nAccept wildcard characters: False\n```\n\n### CommonParameters");
        var (_, diagnostics) = Fixture.Check(text);
        var error = Assert.Single(diagnostics);
        Assert.Equal($"{Fixture.PageFile}:{Fixture.LineOf(text, "### -Foo")}: error: parameter -Foo is documented but does not exist", error.ToString());
    }

    [Fact]
    public void A_metadata_value_that_disagrees_with_the_code_fails_on_its_own_line()
    {
        var text = Fixture.ReplaceOnce(Fixture.ValidPage, "Required: True\nPosition: 0", "Required: True\nPosition: 1");
        var (_, diagnostics) = Fixture.Check(text);
        var error = Assert.Single(diagnostics);
        Assert.Equal(Fixture.LineOf(text, "Position: 1"), error.Line);
        Assert.Contains("parameter -SecretId: Position is '1' in the page but '0' in the code", error.Message);
    }

    [Fact]
    public void A_default_value_that_disagrees_with_a_default_set_in_code_fails_on_its_own_line()
    {
        var command = Fixture.Command;
        command.FindParameter("SortOrder")!.CodeDefault = "asc";
        var text = Fixture.ReplaceOnce(Fixture.ValidPage, "Accepted values: asc, desc\n\nRequired: False\nPosition: Named\nDefault value: None",
            "Accepted values: asc, desc\n\nRequired: False\nPosition: Named\nDefault value: desc");

        var error = Assert.Single(Fixture.Check(text, command).Diagnostics);

        Assert.Equal($"{Fixture.PageFile}:{Fixture.LineOf(text, "Default value: desc")}: error: parameter -SortOrder: Default value is 'desc' in the page but the code initialises it to 'asc'", error.ToString());
    }

    [Theory]
    [InlineData("asc")]
    [InlineData("asc (oldest first)")]
    [InlineData("ASC")]
    public void A_default_value_that_starts_with_the_code_default_may_explain_it(string pageValue)
    {
        var command = Fixture.Command;
        command.FindParameter("SortOrder")!.CodeDefault = "asc";
        var text = Fixture.ReplaceOnce(Fixture.ValidPage, "Accepted values: asc, desc\n\nRequired: False\nPosition: Named\nDefault value: None",
            "Accepted values: asc, desc\n\nRequired: False\nPosition: Named\nDefault value: " + pageValue);

        Assert.Empty(Fixture.Check(text, command).Diagnostics);
    }

    [Fact]
    public void A_number_that_only_starts_like_the_code_default_is_not_it()
    {
        var command = Fixture.Command;
        command.FindParameter("SortOrder")!.CodeDefault = "12";
        var text = Fixture.ReplaceOnce(Fixture.ValidPage, "Accepted values: asc, desc\n\nRequired: False\nPosition: Named\nDefault value: None",
            "Accepted values: asc, desc\n\nRequired: False\nPosition: Named\nDefault value: 120");

        Assert.Single(Fixture.Check(text, command).Diagnostics);
    }

    [Fact]
    public void Without_a_default_in_code_the_default_value_is_prose()
    {
        var text = Fixture.ReplaceOnce(Fixture.ValidPage, "Accepted values: asc, desc\n\nRequired: False\nPosition: Named\nDefault value: None",
            "Accepted values: asc, desc\n\nRequired: False\nPosition: Named\nDefault value: the order AWS returns");

        Assert.Empty(Fixture.Check(text).Diagnostics);
    }

    [Fact]
    public void Aliases_are_compared_as_a_set()
    {
        var text = Fixture.ReplaceOnce(Fixture.ValidPage, "Aliases: ARN, Id, Name", "Aliases: Name, ARN, Id");
        Assert.Empty(Fixture.Check(text).Diagnostics);
    }

    [Fact]
    public void A_missing_alias_is_reported()
    {
        var text = Fixture.ReplaceOnce(Fixture.ValidPage, "Aliases: ARN, Id, Name", "Aliases: ARN");
        var error = Assert.Single(Fixture.Check(text).Diagnostics);
        Assert.Contains("Aliases is 'ARN' in the page but 'ARN, Id, Name' in the code", error.Message);
    }

    [Fact]
    public void A_stale_syntax_line_fails_with_the_expected_line()
    {
        var text = Fixture.ReplaceOnce(Fixture.ValidPage, "Get-SmSecretValue -Filter <Hashtable> [-AsPlainText]", "Get-SmSecretValue -Filter <Hashtable>");
        var error = Assert.Single(Fixture.Check(text).Diagnostics);
        Assert.Equal(Fixture.LineOf(text, "Get-SmSecretValue -Filter <Hashtable> [<"), error.Line);
        Assert.Contains("expected: Get-SmSecretValue -Filter <Hashtable> [-AsPlainText] [<CommonParameters>]", error.Message);
    }

    [Fact]
    public void A_parameter_set_that_the_code_lacks_is_reported()
    {
        var text = Fixture.ReplaceOnce(Fixture.ValidPage, "### ByFilter\n", "### ByQuery\n");
        var messages = Fixture.Check(text).Diagnostics.Select(d => d.Message).ToList();
        Assert.Contains(messages, m => m.Contains("documents parameter set 'ByQuery', which Get-SmSecretValue does not have"));
        Assert.Contains(messages, m => m.Contains("SYNTAX has no '### ByFilter'"));
    }

    [Fact]
    public void A_parameter_in_several_set_groups_needs_one_block_per_group()
    {
        var text = Fixture.ReplaceOnce(Fixture.ValidPage, "Type: SwitchParameter\nParameter Sets: (All)", "Type: SwitchParameter\nParameter Sets: ById");
        var error = Assert.Single(Fixture.Check(text).Diagnostics);
        Assert.Contains("Parameter Sets is 'ById' in the page but '(All)' in the code", error.Message);
    }

    [Fact]
    public void A_TODO_description_is_rejected()
    {
        var text = Fixture.ReplaceOnce(Fixture.ValidPage, "The version to read.", "TODO: describe -VersionId.");
        var error = Assert.Single(Fixture.Check(text).Diagnostics);
        Assert.Equal(Fixture.LineOf(text, "### -VersionId"), error.Line);
        Assert.Contains("parameter -VersionId has no description", error.Message);
    }

    [Fact]
    public void Fewer_than_two_examples_is_an_error()
    {
        var text = Fixture.ValidPage;
        var start = text.IndexOf("### Example 2", StringComparison.Ordinal);
        var end = text.IndexOf("## PARAMETERS", StringComparison.Ordinal);
        text = text[..start] + text[end..];
        var error = Assert.Single(Fixture.Check(text).Diagnostics);
        Assert.Equal(Fixture.LineOf(text, "## EXAMPLES"), error.Line);
        Assert.Contains("at least two", error.Message);
    }

    [Fact]
    public void A_page_without_an_online_link_is_an_error()
    {
        var text = Fixture.ReplaceOnce(Fixture.ValidPage,
            "[GetSecretValue API](https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html)\n", "");
        var error = Assert.Single(Fixture.Check(text).Diagnostics);
        Assert.Contains("RELATED LINKS has no online link", error.Message);
    }

    [Fact]
    public void An_output_type_the_code_does_not_declare_is_reported()
    {
        var text = Fixture.ReplaceOnce(Fixture.ValidPage, "### System.String\nWith -AsPlainText.", "### System.Object\nWith -AsPlainText.");
        var messages = Fixture.Check(text).Diagnostics.Select(d => d.ToString()).ToList();
        Assert.Contains($"{Fixture.PageFile}:{Fixture.LineOf(text, "### System.Object")}: error: OUTPUTS lists System.Object, which the cmdlet does not declare in [OutputType] (SecretsManager.SecretValue, System.String)", messages);
        Assert.Contains(messages, m => m.Contains("OUTPUTS does not list System.String"));
    }

    [Fact]
    public void The_title_must_be_the_cmdlet_name()
    {
        var text = Fixture.ReplaceOnce(Fixture.ValidPage, "# Get-SmSecretValue\n", "# Get-SmSecretValues\n");
        var error = Assert.Single(Fixture.Check(text).Diagnostics);
        Assert.Equal(8, error.Line);
    }
}
