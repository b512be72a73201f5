using Veridian.Diagnostics;

namespace Veridian.Triples;

/// <summary>
/// A parsed target triple: <c>&lt;arch&gt;-veridian-&lt;subsystem&gt;-&lt;abi&gt;</c> or <c>&lt;arch&gt;-linux-gnu</c>.
/// It keeps the string it was parsed from (<see cref="Original"/>) and says how aliases were rewritten
/// (<see cref="Rewrites"/>); <see cref="Canonical"/> is the normalised spelling. Two triples are equal when
/// they name the same target, whatever their spelling. Resolve it into facts with <see cref="TargetDatabase.Resolve(Triple)"/>.
/// </summary>
public sealed partial class Triple : IEquatable<Triple>
{
    private Triple(string original, Arch arch, Os os, Subsystem subsystem, Abi abi, IReadOnlyList<string> rewrites)
    {
        Original = original;
        Arch = arch;
        Os = os;
        Subsystem = subsystem;
        Abi = abi;
        Rewrites = rewrites;
    }

    /// <summary>The string exactly as the user wrote it.</summary>
    public string Original { get; }

    public Arch Arch { get; }
    public Os Os { get; }
    public Subsystem Subsystem { get; }
    public Abi Abi { get; }

    /// <summary>Each alias rewrite applied, in order, as a sentence (empty when <see cref="Original"/> was canonical).</summary>
    public IReadOnlyList<string> Rewrites { get; }

    /// <summary>The canonical spelling: <c>riscv64-veridian-user-relibc</c>, <c>aarch64-linux-gnu</c>.</summary>
    public string Canonical => Os switch
    {
        Os.Veridian => $"{Arch.Name()}-veridian-{Subsystem.Name()}-{Abi.Name()}",
        Os.Linux => $"{Arch.Name()}-linux-{Abi.Name()}",
    };

    /// <summary>True when the original spelling is already canonical.</summary>
    public bool IsCanonical => string.Equals(Original, Canonical, StringComparison.Ordinal);

    /// <summary>Parses a triple; throws a <see cref="DiagnosticException"/> (VDN2001–VDN2008) when it is malformed.</summary>
    public static Triple Parse(string text)
    {
        if (TryParse(text, out var triple, out var diagnostics))
            return triple;
        diagnostics.ThrowIfErrors();
        throw new InvalidOperationException("unreachable: TryParse failed without a diagnostic");
    }

    /// <summary>Parses a triple without throwing; on failure <paramref name="diagnostics"/> holds the error.</summary>
    public static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Triple? triple, out DiagnosticBag diagnostics)
    {
        diagnostics = new DiagnosticBag();
        triple = ParseCore(text ?? "", diagnostics);
        return triple is not null;
    }

    /// <summary>The canonical spelling of <paramref name="text"/> (throws like <see cref="Parse"/>).</summary>
    public static string Normalize(string text) => Parse(text).Canonical;

    /// <summary>The abis a subsystem accepts (data: adding a subsystem means adding a line here and targets in the database).</summary>
    public static IReadOnlyList<Abi> AbisFor(Os os, Subsystem subsystem) => os switch
    {
        Os.Linux => [Abi.Gnu, Abi.Relibc],
        Os.Veridian => subsystem switch
        {
            Subsystem.Kernel => [Abi.None],
            Subsystem.User => [Abi.Relibc],
            Subsystem.Driver => [Abi.None, Abi.Relibc],
        },
    };

    public bool Equals(Triple? other) =>
        other is not null && Arch == other.Arch && Os == other.Os && Subsystem == other.Subsystem && Abi == other.Abi;

    public override bool Equals(object? obj) => obj is Triple t && Equals(t);

    public override int GetHashCode() => HashCode.Combine(Arch, Os, Subsystem, Abi);

    /// <summary>The original spelling (never normalised behind the user's back; use <see cref="Canonical"/> for that).</summary>
    public override string ToString() => Original;
}
