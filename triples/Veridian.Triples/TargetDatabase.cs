using Veridian.Diagnostics;

namespace Veridian.Triples;

/// <summary>
/// Every target the SDK knows, with every fact, in one place: one file per architecture family under
/// Targets/ (each entry a full <see cref="TargetInfo"/> initializer, so a missing fact does not compile).
/// Adding a target (e.g. <c>x86_64-veridian-driver-relibc</c>) is adding one entry there.
/// </summary>
public static partial class TargetDatabase
{
    private static readonly Lazy<IReadOnlyList<TargetInfo>> s_all = new(() =>
        X86_64Targets().Concat(AArch64Targets()).Concat(RiscV64Targets())
            .SelectMany(t => t.Os == Os.Linux ? new[] { t, LinuxRelibc(t) } : [t])
            .OrderBy(t => t.Os).ThenBy(t => t.Canonical, StringComparer.Ordinal).ToArray());

    /// <summary>All targets: VeridianOS first, then Linux, each sorted by canonical name (ordinal).</summary>
    public static IReadOnlyList<TargetInfo> All => s_all.Value;

    /// <summary>Resolves a triple string (aliases allowed); throws a <see cref="DiagnosticException"/> (VDN2001–VDN2008) when it names no target.</summary>
    public static TargetInfo Resolve(string triple) => Resolve(Triple.Parse(triple));

    /// <summary>Resolves a parsed triple; throws VDN2007 when the database has no such target.</summary>
    public static TargetInfo Resolve(Triple triple)
    {
        if (Find(triple) is { } target)
            return target;
        var known = All.Select(t => t.Canonical).ToList();
        var guess = Suggest.Closest(triple.Canonical, known);
        throw DiagnosticException.Error(TripleCodes.UnknownTarget,
            $"no target '{triple.Canonical}' in the target database" + (guess is null ? "" : $"; did you mean '{guess}'?"),
            hint: $"the targets are: {string.Join(", ", known)} (veridian targets list)");
    }

    /// <summary>Resolves without throwing; on failure <paramref name="diagnostics"/> holds the error.</summary>
    public static bool TryResolve(string triple, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TargetInfo? target, out DiagnosticBag diagnostics)
    {
        target = null;
        if (!Triple.TryParse(triple, out var parsed, out diagnostics))
            return false;
        try
        {
            target = Resolve(parsed);
            return true;
        }
        catch (DiagnosticException e)
        {
            foreach (var d in e.Diagnostics)
                diagnostics.Add(d);
            return false;
        }
    }

    /// <summary>The target a parsed triple names, or null.</summary>
    public static TargetInfo? Find(Triple triple)
    {
        var canonical = triple.Canonical;
        foreach (var t in All)
        {
            if (string.Equals(t.Canonical, canonical, StringComparison.Ordinal))
                return t;
        }
        return null;
    }

    /// <summary>The SDK's predefined macros for a VeridianOS target (docs/triples.md, "Predefined macros").</summary>
    private static IReadOnlyList<MacroDefinition> VeridianMacros(Subsystem subsystem, Abi abi)
    {
        var macros = new List<MacroDefinition>
        {
            new("__veridian__", "1"),
            new($"__VERIDIAN_SUBSYSTEM_{subsystem.Name().ToUpperInvariant()}__", "1"),
            new($"__VERIDIAN_ABI_{abi.Name().ToUpperInvariant()}__", "1"),
        };
        // A relibc program is a POSIX program; portable code tests __unix__ before including <unistd.h>.
        if (abi == Abi.Relibc)
        {
            macros.Add(new("__unix__", "1"));
            macros.Add(new("__unix", "1"));
        }
        return macros;
    }

    private const string UserEntryState =
        "static executable: e_entry = crt0 _start with sp → argc, argv[], NULL, envp[], NULL (no auxv, VERIDIAN-ABI 'Processes'); sp 16-byte aligned";

    private const string LinuxEntryState = "Linux process: glibc crt1.o _start with sp → argc, argv, envp, auxv";

    /// <summary>
    /// <c>&lt;arch&gt;-linux-relibc</c>: the machine of <paramref name="gnu"/> (<c>&lt;arch&gt;-linux-gnu</c>) with relibc-cs
    /// on its Linux backend instead of glibc (docs/relibc.md): where the C library is tested against glibc on the same
    /// machine. Like the VeridianOS user targets it links static non-PIE executables from the SDK's sysroot, with
    /// local-exec TLS and no stack protector (the guard would live in relibc's thread block, which does not carry one yet).
    /// The LLVM environment is <c>musl</c>: a static Linux libc that is not glibc, so clang assumes nothing of glibc.
    /// </summary>
    private static TargetInfo LinuxRelibc(TargetInfo gnu) => gnu with
    {
        Canonical = $"{gnu.Arch.Name()}-linux-relibc",
        Description = $"Linux on {gnu.Arch.Name()} with relibc-cs (static; {(gnu.Qemu.Mode == QemuMode.Native ? "runs natively" : $"runs under {gnu.Qemu.Binary}")}): the C library tested against glibc",
        Abi = Abi.Relibc,
        LlvmTriple = gnu.LlvmTriple.Replace("-linux-gnu", "-linux-musl", StringComparison.Ordinal),
        RelocationModel = RelocationModel.Static,
        StackProtector = StackProtector.None,
        TlsModel = TlsModel.LocalExec,
        EntryState = "Linux process: relibc-cs crt1.o _start with sp → argc, argv, envp, auxv (static, no dynamic loader)",
        Sysroot = SysrootKind.Veridian,
        SysrootPath = "",
        Qemu = gnu.Qemu with { Args = [] },
    };

}
