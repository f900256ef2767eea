using SecretsManager.HelpCompiler;
using SecretsManager.HelpCompiler.Output;

namespace SecretsManager.HelpCompiler.Tests;

public class AboutTopicWidthTests
{
    private const string Page = "# about_Fixture\n\n## SHORT DESCRIPTION\nShort.\n\n## LONG DESCRIPTION\n";

    private static string Render(string body, out DiagnosticBag d)
    {
        d = new DiagnosticBag("docs/en-US/about_Fixture.md");
        var source = Page + body;
        var text = AboutTopicWriter.Render(AboutTopicWriter.Read(source, "about_Fixture", d));
        AboutTopicWriter.CheckWidth(source, text, d);
        return text;
    }

    [Fact]
    public void A_wide_table_keeps_the_columns_that_fit_and_wraps_the_rest_beneath_each_row()
    {
        var cause = string.Join(" ", Enumerable.Repeat("The message says what to set.", 6));
        var text = Render($"| ErrorId | Category | Cause |\n|---|---|---|\n| SecretsManagerConfiguration | InvalidOperation | {cause} |\n| SecretsManagerConnection | ConnectionError | Unreachable. |\n", out var d);
        Assert.Empty(d.Items);
        var lines = text.Split('\n');
        Assert.All(lines, l => Assert.True(l.Length <= AboutTopicWriter.Width, $"line longer than {AboutTopicWriter.Width}: {l}"));
        Assert.Contains("    ErrorId                      Category", lines);
        Assert.Contains("    SecretsManagerConfiguration  InvalidOperation", lines);
        Assert.Contains("        Cause: Unreachable.", lines);
        // The long cause is all there, wrapped under its row.
        var at = Array.IndexOf(lines, "    SecretsManagerConfiguration  InvalidOperation");
        var wrapped = string.Join(" ", lines.Skip(at + 1).TakeWhile(l => l.StartsWith("        ", StringComparison.Ordinal)).Select(l => l.Trim()));
        Assert.Equal("Cause: " + cause, wrapped);
    }

    [Fact]
    public void A_table_that_fits_stays_a_table()
    {
        var text = Render("| AWS.Tools | SecretsManager |\n|---|---|\n| Get-SECSecretValue | Get-SmSecretValue |\n", out var d);
        Assert.Empty(d.Items);
        Assert.Contains("    Get-SECSecretValue  Get-SmSecretValue\n", text);
        Assert.DoesNotContain("SecretsManager:", text);
    }

    [Fact]
    public void A_first_column_wider_than_the_console_is_wrapped_too()
    {
        var finding = string.Join(" ", Enumerable.Repeat("It can't tell.", 8));
        var text = Render($"| What the check finds | What you get |\n|---|---|\n| {finding} | An OutcomeUnknown error. |\n", out var d);
        Assert.Empty(d.Items);
        Assert.All(text.Split('\n'), l => Assert.True(l.Length <= AboutTopicWriter.Width, $"line longer than {AboutTopicWriter.Width}: {l}"));
        Assert.Contains("        What you get: An OutcomeUnknown error.\n", text);
    }

    [Fact]
    public void A_code_line_wider_than_the_console_is_an_error_at_its_source_line()
    {
        var code = "New-SmSecret -Name prod/billing/api-key -SecretString (Get-SmRandomPassword -PasswordLength 40)";
        Render($"```powershell\n{code}\n```\n", out var d);
        var error = Assert.Single(d.Items);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(8, error.Line); // the code line itself, after the six lines of the page and the fence
        Assert.Contains("more than the 80", error.Message);
    }
}
