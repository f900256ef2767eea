namespace SecretsManager.HelpCompiler;

/// <summary>How bad a finding is: errors fail the build, warnings are only printed.</summary>
public enum DiagnosticSeverity
{
    Error,
    Warning,
}

/// <summary>One finding about a help page, located by file and 1-based line so an editor can jump to it.</summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, string File, int Line, string Message)
{
    /// <summary>Formats as <c>path:line: error: message</c>, the shape compilers use and editors understand.</summary>
    public override string ToString() =>
        $"{File}:{Line}: {(Severity == DiagnosticSeverity.Error ? "error" : "warning")}: {Message}";
}
