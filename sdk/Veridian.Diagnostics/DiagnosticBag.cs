using System.Collections;

namespace Veridian.Diagnostics;

/// <summary>Collects diagnostics while reading or checking something; used by <c>TryRead</c>-style APIs.</summary>
public sealed class DiagnosticBag : IReadOnlyList<Diagnostic>
{
    private readonly List<Diagnostic> _items = [];

    public int Count => _items.Count;

    public Diagnostic this[int index] => _items[index];

    /// <summary>True when at least one error was reported.</summary>
    public bool HasErrors => _items.Exists(d => d.Severity == Severity.Error);

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void Error(string code, string message, SourceLocation? location = null, string? hint = null) =>
        _items.Add(Diagnostic.Error(code, message, location, hint));

    public void Warning(string code, string message, SourceLocation? location = null, string? hint = null) =>
        _items.Add(Diagnostic.Warning(code, message, location, hint));

    /// <summary>Throws a <see cref="DiagnosticException"/> holding every diagnostic if any error was reported.</summary>
    public void ThrowIfErrors(int exitCode = ExitCodes.UserError)
    {
        if (HasErrors)
            throw new DiagnosticException(_items.ToArray(), exitCode);
    }

    public IEnumerator<Diagnostic> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
