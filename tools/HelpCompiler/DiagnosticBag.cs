namespace SecretsManager.HelpCompiler;

/// <summary>Collects findings for one file so checks can report everything at once rather than stop at the first.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = new();

    public DiagnosticBag(string file) => File = file;

    /// <summary>The path shown in every finding (repository-relative where possible).</summary>
    public string File { get; }

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.Severity == DiagnosticSeverity.Error);

    public void Error(int line, string message) => _items.Add(new Diagnostic(DiagnosticSeverity.Error, File, Math.Max(1, line), message));

    public void Warning(int line, string message) => _items.Add(new Diagnostic(DiagnosticSeverity.Warning, File, Math.Max(1, line), message));
}
