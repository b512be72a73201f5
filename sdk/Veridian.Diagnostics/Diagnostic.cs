namespace Veridian.Diagnostics;

/// <summary>
/// One problem, with a stable code (<c>VDNxxxx</c>), a message saying what was wrong, where it was,
/// and a hint saying what to do. Code ranges: 1xxx CLI/build, 2xxx triples, 3xxx toolchain/LLVM,
/// 4xxx C# compiler, 5xxx ELF, 6xxx packages/signing, 7xxx kernel and sysroot (docs/diagnostics.md).
/// </summary>
public sealed record Diagnostic(
    string Code,
    Severity Severity,
    string Message,
    SourceLocation? Location = null,
    string? Hint = null)
{
    /// <summary>An error diagnostic.</summary>
    public static Diagnostic Error(string code, string message, SourceLocation? location = null, string? hint = null) =>
        new(code, Severity.Error, message, location, hint);

    /// <summary>A warning diagnostic.</summary>
    public static Diagnostic Warning(string code, string message, SourceLocation? location = null, string? hint = null) =>
        new(code, Severity.Warning, message, location, hint);

    /// <summary>The severity as it is printed: <c>error</c>, <c>warning</c>, <c>note</c>.</summary>
    public string SeverityText => Severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Note => "note",
    };

    /// <summary>Renders the first line as compilers do: <c>file:line: error VDN1234: message</c>.</summary>
    public override string ToString() =>
        Location is { } loc ? $"{loc}: {SeverityText} {Code}: {Message}" : $"{SeverityText} {Code}: {Message}";
}
