using Veridian.Diagnostics;

namespace Veridian.Triples;

public sealed partial class Triple
{
    private const string Grammar = "a triple is <arch>-veridian-<subsystem>-<abi> (e.g. x86_64-veridian-user-relibc), <arch>-linux-gnu or <arch>-linux-relibc";

    /// <summary>Canonical architecture names and the aliases that normalise to them.</summary>
    internal static readonly IReadOnlyList<(string Spelling, Arch Arch, bool IsAlias)> ArchSpellings =
    [
        ("x86_64", Arch.X86_64, false),
        ("aarch64", Arch.AArch64, false),
        ("riscv64", Arch.RiscV64, false),
        ("amd64", Arch.X86_64, true),
        ("arm64", Arch.AArch64, true),
        ("riscv64gc", Arch.RiscV64, true),
    ];

    /// <summary>Vendor fields that carry no information and are dropped (<c>x86_64-unknown-veridian</c>, <c>x86_64-unknown-linux-gnu</c>).</summary>
    internal static readonly IReadOnlyList<string> IgnoredVendors = ["unknown", "pc"];

    private static readonly string[] s_osNames = ["veridian", "linux"];

    private static Triple? ParseCore(string text, DiagnosticBag bag)
    {
        if (text.Length == 0 || text.Trim().Length == 0)
            return Fail(bag, TripleCodes.EmptyComponent, "empty target triple", Grammar);
        var parts = text.Split('-');
        if (parts.Any(p => p.Length == 0))
            return Fail(bag, TripleCodes.EmptyComponent, $"target triple '{text}' has an empty component", Grammar);

        // The OS component anchors the parse, so an architecture typed with a dash (x86-64) is still
        // reported as an unknown architecture rather than as a wrong component count.
        var osIndex = Array.FindIndex(parts, 1, p => s_osNames.Contains(p, StringComparer.Ordinal));
        if (osIndex < 0)
        {
            if (parts.Length == 1)
            {
                var archOnly = LookupArch(parts[0]);
                var hint = archOnly is { } a ? $"did you mean '{parts[0]}-veridian-user-relibc' or '{parts[0]}-veridian-kernel-none'? {Grammar}" : Grammar;
                return Fail(bag, TripleCodes.WrongComponentCount, $"target triple '{text}' has 1 component; expected 4 (or 3 for Linux)", hint);
            }
            var osWord = parts.Length > 2 && IgnoredVendors.Contains(parts[1], StringComparer.Ordinal) ? parts[2] : parts[1];
            var guess = Suggest.Closest(osWord, s_osNames);
            return Fail(bag, TripleCodes.UnknownOs,
                $"unknown operating system '{osWord}' in '{text}'" + (guess is null ? "" : $"; did you mean '{guess}'?"),
                "the operating systems are: veridian, linux");
        }

        var rewrites = new List<string>();
        var vendorIndex = osIndex - 1;
        var archEnd = osIndex;
        if (osIndex >= 2 && IgnoredVendors.Contains(parts[vendorIndex], StringComparer.Ordinal))
        {
            rewrites.Add($"vendor '{parts[vendorIndex]}' dropped");
            archEnd = vendorIndex;
        }
        var archText = string.Join('-', parts[..archEnd]);
        if (LookupArch(archText) is not { } arch)
        {
            var guess = Suggest.Closest(archText, ArchSpellings.Select(s => s.Spelling));
            return Fail(bag, TripleCodes.UnknownArch,
                $"unknown architecture '{archText}' in '{text}'" + (guess is null ? "" : $"; did you mean '{guess}'?"),
                "the architectures are: x86_64, aarch64, riscv64 (aliases: amd64, arm64, riscv64gc)");
        }
        var canonicalArch = arch.Name();
        if (!string.Equals(archText, canonicalArch, StringComparison.Ordinal))
            rewrites.Add($"architecture '{archText}' → '{canonicalArch}'");

        var rest = parts[(osIndex + 1)..];
        return parts[osIndex] switch
        {
            "linux" => ParseLinux(text, arch, rest, rewrites, bag),
            _ => ParseVeridian(text, arch, rest, rewrites, bag),
        };
    }

    private static Triple? ParseLinux(string text, Arch arch, string[] rest, List<string> rewrites, DiagnosticBag bag)
    {
        var abis = AbisFor(Os.Linux, Subsystem.User);
        if (rest.Length != 1)
            return Fail(bag, TripleCodes.WrongComponentCount,
                $"Linux triple '{text}' must end in '-linux-gnu' or '-linux-relibc'", $"did you mean '{arch.Name()}-linux-gnu'?");
        if (!TryParseAbi(rest[0], out var abi) || !abis.Contains(abi))
        {
            var guess = Suggest.Closest(rest[0], abis.Select(a => a.Name()));
            return Fail(bag, TripleCodes.UnknownAbi,
                $"unknown abi '{rest[0]}' for Linux in '{text}'" + (guess is null ? "" : $"; did you mean '{guess}'?"),
                "Linux targets use glibc (<arch>-linux-gnu) or relibc-cs (<arch>-linux-relibc, the SDK's C library tested on Linux)");
        }
        return new Triple(text, arch, Os.Linux, Subsystem.User, abi, rewrites);
    }

    private static Triple? ParseVeridian(string text, Arch arch, string[] rest, List<string> rewrites, DiagnosticBag bag)
    {
        if (rest.Length == 0)
        {
            // Upstream's GNU (x86_64-veridian) and LLVM (x86_64-unknown-veridian) spellings name user programs.
            rewrites.Add("no subsystem and abi: user-relibc (upstream's GNU/LLVM spelling of a user program)");
            return new Triple(text, arch, Os.Veridian, Subsystem.User, Abi.Relibc, rewrites);
        }
        if (rest.Length > 2)
            return Fail(bag, TripleCodes.WrongComponentCount,
                $"target triple '{text}' has {rest.Length - 2} component(s) too many after the abi", Grammar);

        if (!TryParseSubsystem(rest[0], out var subsystem))
        {
            var guess = Suggest.Closest(rest[0], Enum.GetValues<Subsystem>().Select(s => s.Name()));
            return Fail(bag, TripleCodes.UnknownSubsystem,
                $"unknown subsystem '{rest[0]}' in '{text}'" + (guess is null ? "" : $"; did you mean '{guess}'?"),
                "the subsystems are: kernel, user, driver");
        }
        var fitting = AbisFor(Os.Veridian, subsystem);
        if (rest.Length == 1)
            return Fail(bag, TripleCodes.WrongComponentCount,
                $"target triple '{text}' has no abi", $"did you mean '{arch.Name()}-veridian-{subsystem.Name()}-{fitting[0].Name()}'? {Grammar}");
        if (!TryParseAbi(rest[1], out var abi))
        {
            var guess = Suggest.Closest(rest[1], Enum.GetValues<Abi>().Select(a => a.Name()));
            return Fail(bag, TripleCodes.UnknownAbi,
                $"unknown abi '{rest[1]}' in '{text}'" + (guess is null ? "" : $"; did you mean '{guess}'?"),
                "the abis are: none (freestanding), relibc (the SDK's C library); gnu is for <arch>-linux-gnu");
        }
        if (!fitting.Contains(abi))
        {
            var names = string.Join(" or ", fitting.Select(a => a.Name()));
            return Fail(bag, TripleCodes.AbiDoesNotFitSubsystem,
                $"abi '{abi.Name()}' does not fit subsystem '{subsystem.Name()}' in '{text}'",
                $"the {subsystem.Name()} subsystem takes abi {names}: did you mean '{arch.Name()}-veridian-{subsystem.Name()}-{fitting[0].Name()}'?");
        }
        return new Triple(text, arch, Os.Veridian, subsystem, abi, rewrites);
    }

    private static Arch? LookupArch(string text)
    {
        foreach (var (spelling, arch, _) in ArchSpellings)
        {
            if (string.Equals(spelling, text, StringComparison.Ordinal))
                return arch;
        }
        return null;
    }

    private static bool TryParseSubsystem(string text, out Subsystem subsystem)
    {
        foreach (var s in Enum.GetValues<Subsystem>())
        {
            if (string.Equals(s.Name(), text, StringComparison.Ordinal))
            {
                subsystem = s;
                return true;
            }
        }
        subsystem = default;
        return false;
    }

    private static bool TryParseAbi(string text, out Abi abi)
    {
        foreach (var a in Enum.GetValues<Abi>())
        {
            if (string.Equals(a.Name(), text, StringComparison.Ordinal))
            {
                abi = a;
                return true;
            }
        }
        abi = default;
        return false;
    }

    private static Triple? Fail(DiagnosticBag bag, string code, string message, string hint)
    {
        bag.Error(code, message, hint: hint);
        return null;
    }
}
