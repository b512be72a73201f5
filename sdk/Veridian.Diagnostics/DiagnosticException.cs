namespace Veridian.Diagnostics;

/// <summary>
/// Thrown by <c>Read</c>-style APIs and commands to report one or more diagnostics to the user.
/// This is not a bug: the CLI prints the diagnostics (never a stack trace) and exits with <see cref="ExitCode"/>.
/// </summary>
public sealed class DiagnosticException : Exception
{
    public DiagnosticException(Diagnostic diagnostic, int exitCode = ExitCodes.UserError)
        : this([diagnostic], exitCode)
    {
    }

    public DiagnosticException(IReadOnlyList<Diagnostic> diagnostics, int exitCode = ExitCodes.UserError)
        : base(diagnostics.Count > 0 ? diagnostics[0].ToString() : "diagnostics reported")
    {
        if (diagnostics.Count == 0)
            throw new ArgumentException("at least one diagnostic is required", nameof(diagnostics));
        Diagnostics = diagnostics;
        ExitCode = exitCode;
    }

    /// <summary>The first (primary) diagnostic.</summary>
    public Diagnostic Diagnostic => Diagnostics[0];

    /// <summary>All diagnostics, in the order they were found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The exit code a command should end with.</summary>
    public int ExitCode { get; }

    /// <summary>Shorthand for throwing an error diagnostic.</summary>
    public static DiagnosticException Error(string code, string message, SourceLocation? location = null, string? hint = null, int exitCode = ExitCodes.UserError) =>
        new(Diagnostic.Error(code, message, location, hint), exitCode);
}
