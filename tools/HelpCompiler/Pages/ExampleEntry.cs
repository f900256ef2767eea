namespace SecretsManager.HelpCompiler.Pages;

/// <summary>An example: its PowerShell code, the hidden setup it needs and, if it cannot run locally, why.</summary>
public sealed class ExampleEntry
{
    public string Title { get; init; } = "";

    public int Line { get; init; }

    public string Code { get; set; } = "";

    public int CodeLine { get; set; }

    /// <summary>Code from a <c>&lt;!-- setup: ... --&gt;</c> comment, run before the example by the example tests; not shown in help.</summary>
    public string? Setup { get; set; }

    /// <summary>Reason from a <c>&lt;!-- skip: ... --&gt;</c> comment: the example cannot run against SecretsManager.Local.</summary>
    public string? SkipReason { get; set; }

    public List<string> Introduction { get; } = new();

    public List<string> Remarks { get; } = new();
}
