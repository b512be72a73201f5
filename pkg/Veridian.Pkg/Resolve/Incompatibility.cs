namespace Veridian.Pkg.Resolve;

/// <summary>Why an incompatibility holds: a fact of the request or of a package, or derived from two others.</summary>
internal enum Cause
{
    Root,
    Request,
    Dependency,
    Conflict,
    Provides,
    Removed,
    Missing,
    NoVersions,
    Derived,
}

/// <summary>A set of terms that must not all hold (PubGrub), with its cause; <see cref="Range"/> keeps a dependency's range as written.</summary>
internal sealed record Incompatibility(IReadOnlyList<Term> Terms, Cause Cause, string? Range, Incompatibility? Left = null, Incompatibility? Right = null)
{
    /// <summary>For <see cref="Cause.Missing"/>: the name nothing matches, and whether the request or a dependency asked for it.</summary>
    public string? Missing { get; init; }
    public Cause Via { get; init; }
}
