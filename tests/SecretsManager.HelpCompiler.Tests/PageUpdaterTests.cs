using SecretsManager.HelpCompiler;
using SecretsManager.HelpCompiler.Pages;
using SecretsManager.HelpCompiler.Updating;

namespace SecretsManager.HelpCompiler.Tests;

public class PageUpdaterTests
{
    private static (string Text, IReadOnlyList<Diagnostic> Warnings) Update(string text) => Update(text, Fixture.Command);

    private static (string Text, IReadOnlyList<Diagnostic> Warnings) Update(string text, Metadata.CommandMetadata command)
    {
        var d = new DiagnosticBag(Fixture.PageFile);
        var page = HelpPageParser.Parse(text, Fixture.PageFile, d);
        return (PageUpdater.Update(page, command, d), d.Items);
    }

    [Fact]
    public void A_new_parameter_stub_takes_its_default_value_from_the_code()
    {
        var command = Fixture.Command;
        command.FindParameter("VersionId")!.CodeDefault = "AWSCURRENT";

        var (text, _) = Update(Fixture.RemoveParameter(Fixture.ValidPage, "VersionId"), command);

        Assert.Contains("### -VersionId\nTODO: describe -VersionId.\n\n```yaml\nType: String\nParameter Sets: ById\nAliases:\n\nRequired: False\nPosition: Named\nDefault value: AWSCURRENT\n", text);
    }

    [Fact]
    public void Updating_keeps_a_default_value_the_page_explains()
    {
        var command = Fixture.Command;
        command.FindParameter("SortOrder")!.CodeDefault = "asc";
        var page = Fixture.ReplaceOnce(Fixture.ValidPage, "Accepted values: asc, desc\n\nRequired: False\nPosition: Named\nDefault value: None",
            "Accepted values: asc, desc\n\nRequired: False\nPosition: Named\nDefault value: asc (oldest first)");

        var (text, _) = Update(page, command);

        Assert.Equal(page, text);
    }

    [Fact]
    public void Updating_a_correct_page_changes_nothing()
    {
        var (text, warnings) = Update(Fixture.ValidPage);
        Assert.Equal(Fixture.ValidPage, text);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Stale_metadata_and_syntax_are_rewritten_and_prose_and_defaults_are_kept()
    {
        var stale = Fixture.ReplaceOnce(Fixture.ValidPage, "Required: True\nPosition: 0", "Required: False\nPosition: 3");
        stale = Fixture.ReplaceOnce(stale, "Get-SmSecretValue -Filter <Hashtable> [-AsPlainText] [<CommonParameters>]", "Get-SmSecretValue -Filter <Object>");
        var (text, _) = Update(stale);
        Assert.Equal(Fixture.ValidPage, text);
        Assert.Contains("Default value: The AWSCURRENT version", text);
    }

    [Fact]
    public void A_new_parameter_gets_a_stub_that_the_check_then_rejects()
    {
        var (text, warnings) = Update(Fixture.RemoveParameter(Fixture.ValidPage, "VersionId"));
        Assert.Contains(warnings, w => w.Message == "added a stub for parameter -VersionId: write its description");
        Assert.Contains("### -VersionId\nTODO: describe -VersionId.\n\n```yaml\nType: String\nParameter Sets: ById\n", text);
        var error = Assert.Single(Fixture.Check(text).Diagnostics);
        Assert.Contains("parameter -VersionId has no description (or a TODO stub)", error.Message);
        Assert.True(text.IndexOf("### -VersionId", StringComparison.Ordinal) < text.IndexOf("### CommonParameters", StringComparison.Ordinal));
    }

    [Fact]
    public void A_parameter_the_code_no_longer_has_is_removed_with_a_warning()
    {
        var extra = Fixture.ReplaceOnce(Fixture.ValidPage, "### CommonParameters",
            "### -Foo\nGone.\n\n```yaml\nType: String\n```\n\n### CommonParameters");
        var (text, warnings) = Update(extra);
        Assert.Equal(Fixture.ValidPage, text);
        Assert.Contains(warnings, w => w.Message.Contains("removed parameter -Foo"));
    }

    [Fact]
    public void A_missing_metadata_block_is_added_after_the_description()
    {
        var page = Fixture.ValidPage;
        var start = page.IndexOf("```yaml\nType: Hashtable", StringComparison.Ordinal);
        var end = page.IndexOf("```\n", start + 8, StringComparison.Ordinal) + 4;
        var (text, _) = Update(page[..start] + page[end..]);
        Assert.Empty(Fixture.Check(text).Diagnostics);
        Assert.Contains("Filters for a batch read.\n\n```yaml\nType: Hashtable", text);
    }

    [Fact]
    public void The_skeleton_of_a_new_page_has_correct_metadata_and_only_prose_errors()
    {
        var skeleton = PageSkeleton.Create(Fixture.Command, "https://example.org/Get-SmSecretValue.md");
        var diagnostics = Fixture.Check(skeleton).Diagnostics;
        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d => Assert.Matches("TODO|stub|online link|no description", d.Message));
        Assert.DoesNotContain(diagnostics, d => d.Message.Contains("in the code"));
    }
}
