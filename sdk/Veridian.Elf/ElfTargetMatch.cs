using Veridian.Triples;
using static Veridian.Elf.ElfConstants;

namespace Veridian.Elf;

/// <summary>
/// The SDK's one answer to "which targets is this ELF file for" (<c>veridian inspect</c>) and "does it fit this
/// target" (<c>veridian pkg install</c>, <c>veridian run</c>). Against <see cref="TargetDatabase.All"/>: machine,
/// class and byte order first, then the ABI bits of e_flags (RISC-V RVC, float ABI, RVE) — both from the ELF
/// header alone — then, for <see cref="For"/>, the OS (a Linux interpreter or ABI tag means a Linux target) and,
/// for linked images, the load address (kernel targets link at their <see cref="TargetInfo.LoadAddress"/>).
/// </summary>
/// <param name="Matches">True when at least one target fits.</param>
/// <param name="Targets">The canonical names of the targets that fit, in ordinal order.</param>
/// <param name="Reason">The evidence for the answer, or why nothing fits.</param>
public sealed record ElfTargetMatch(bool Matches, IReadOnlyList<string> Targets, string Reason)
{
    /// <summary>The e_flags bits that are ABI (must equal the target's): RISC-V RVC, float ABI, RVE.</summary>
    private const uint RiscVAbiBits = EF_RISCV_RVC | EF_RISCV_FLOAT_ABI | EF_RISCV_RVE;

    /// <summary>
    /// Null when the ELF header of <paramref name="f"/> fits <paramref name="target"/> (class, byte order, machine,
    /// ABI bits of e_flags); else why not, as a phrase to follow "'file' is " (e.g. "an ELF file for EM_X86_64
    /// (machine 62), ELF64 little-endian, not for riscv64-linux-gnu (EM_RISCV, machine 243, ELF64 little-endian)").
    /// Needs only the first 64 bytes of the file.
    /// </summary>
    public static string? Mismatch(ElfFile f, TargetInfo target)
    {
        if (!SameMachine(f, target))
            return $"an ELF file for {Describe(f)}, not for {target.Canonical} ({ElfNames.Machine((ushort)target.ElfMachine)}, machine {target.ElfMachine}, " +
                $"ELF{target.PointerWidth} {(target.Endianness == Endianness.Little ? "little" : "big")}-endian)";
        if (f.Machine == ElfMachine.RiscV && (target.ElfFlags & RiscVAbiBits) != (f.Flags & RiscVAbiBits))
            return $"an ELF file with e_flags ABI bits 0x{f.Flags & RiscVAbiBits:x}, not for {target.Canonical} (it needs 0x{target.ElfFlags & RiscVAbiBits:x}: rvc, double-float ABI, rv64gc/lp64d)";
        return null;
    }

    /// <summary>The targets <paramref name="f"/> is for, narrowed as far as the file tells.</summary>
    public static ElfTargetMatch For(ElfFile f)
    {
        var what = Describe(f, withNumber: false);
        var candidates = TargetDatabase.All.Where(t => SameMachine(f, t)).ToList();
        if (candidates.Count == 0)
            return new ElfTargetMatch(false, [], $"{what} is no Veridian target's machine (x86_64, aarch64 and riscv64, 64-bit little-endian)");

        if (f.Machine == ElfMachine.RiscV)
        {
            var abi = candidates.Where(t => Mismatch(f, t) is null).ToList();
            if (abi.Count == 0)
                return new ElfTargetMatch(false, [], $"{what} has e_flags 0x{f.Flags:x} ({string.Join(' ', ElfFacts.Of(f).AbiFlags.Where(a => !a.StartsWith("isa=", StringComparison.Ordinal)))}); " +
                    $"the riscv64 targets need 0x{candidates[0].ElfFlags & RiscVAbiBits:x} (rvc, double-float ABI: rv64gc/lp64d)");
            candidates = abi;
        }

        if (f.Type == ElfType.Relocatable)
            return new ElfTargetMatch(true, Names(candidates), $"{what}: a relocatable object links into any of these targets");

        var linux = f.AbiTag?.StartsWith("Linux", StringComparison.Ordinal) == true ||
            f.Interpreter?.Contains("ld-linux", StringComparison.Ordinal) == true || f.Header.OsAbi == 3;
        var os = linux ? Os.Linux : Os.Veridian;
        var byOs = candidates.Where(t => t.Os == os).ToList();
        if (byOs.Count == 0)
            return new ElfTargetMatch(false, [], $"{what}: no {os} target for this machine");
        var evidence = linux ? $"built for Linux ({f.Interpreter ?? f.AbiTag ?? "ELFOSABI_LINUX"})" : "no Linux interpreter or ABI tag";

        var lowest = f.Segments.Where(s => s.Type == PT_LOAD).Select(s => (ulong?)s.VirtualAddress).Min();
        var byLoad = byOs.Where(t => t.LoadAddress is { } load && lowest == load).ToList();
        if (byLoad.Count > 0)
            return new ElfTargetMatch(true, Names(byLoad), $"{what}, {evidence}, first segment at the target's load address 0x{lowest:x}");
        var notAt = byOs.Where(t => t.LoadAddress is null || !t.IsKernel).ToList();
        if (notAt.Count > 0)
            return new ElfTargetMatch(true, Names(notAt), $"{what}, {evidence}" + (lowest is { } l ? $", first segment at 0x{l:x}" : ""));
        return new ElfTargetMatch(false, [], $"{what}, {evidence}, but the first segment (0x{lowest:x}) is at none of the targets' load addresses");
    }

    private static bool SameMachine(ElfFile f, TargetInfo t) =>
        t.ElfMachine == (int)f.Machine && t.PointerWidth == (f.Class == ElfClass.Elf64 ? 64 : 32) &&
        t.Endianness == (f.Endianness == ElfEndianness.Little ? Endianness.Little : Endianness.Big);

    /// <summary>"EM_X86_64, ELF64 little-endian" (with the number: "EM_X86_64 (machine 62), ELF64 little-endian").</summary>
    private static string Describe(ElfFile f, bool withNumber = true) =>
        $"{ElfNames.Machine((ushort)f.Machine)}{(withNumber ? $" (machine {(ushort)f.Machine})" : "")}, " +
        $"{(f.Class == ElfClass.Elf64 ? "ELF64" : "ELF32")} {(f.Endianness == ElfEndianness.Little ? "little" : "big")}-endian";

    private static List<string> Names(IEnumerable<TargetInfo> targets) => targets.Select(t => t.Canonical).Order(StringComparer.Ordinal).ToList();
}
