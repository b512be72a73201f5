using Veridian.Elf;
using Veridian.Triples;
using static Veridian.Elf.ElfConstants;

namespace Veridian.Cli.Commands;

/// <summary>
/// Matches an ELF file against <see cref="TargetDatabase.All"/>: machine, class and byte order first, then the ABI
/// bits of e_flags (RISC-V RVC and float ABI), then the OS (a Linux interpreter or ABI tag means a Linux target),
/// then, for linked images, the load address (kernel targets link at their <see cref="TargetInfo.LoadAddress"/>).
/// </summary>
internal static class TargetMatch
{
    /// <summary>The e_flags bits that are ABI (must equal the target's): RISC-V RVC, float ABI, RVE.</summary>
    private const uint RiscVAbiBits = EF_RISCV_RVC | EF_RISCV_FLOAT_ABI | EF_RISCV_RVE;

    public static InspectTarget For(ElfFile f, ElfFacts facts)
    {
        var what = $"{ElfNames.Machine((ushort)f.Machine)}, {(f.Class == ElfClass.Elf64 ? "ELF64" : "ELF32")} {(f.Endianness == ElfEndianness.Little ? "little" : "big")}-endian";
        var bits = f.Class == ElfClass.Elf64 ? 64 : 32;
        var endian = f.Endianness == ElfEndianness.Little ? Endianness.Little : Endianness.Big;
        var candidates = TargetDatabase.All.Where(t => t.ElfMachine == (int)f.Machine && t.PointerWidth == bits && t.Endianness == endian).ToList();
        if (candidates.Count == 0)
            return new InspectTarget(false, [], $"{what} is no Veridian target's machine (x86_64, aarch64 and riscv64, 64-bit little-endian)");

        if (f.Machine == ElfMachine.RiscV)
        {
            var abi = candidates.Where(t => (t.ElfFlags & RiscVAbiBits) == (f.Flags & RiscVAbiBits)).ToList();
            if (abi.Count == 0)
                return new InspectTarget(false, [], $"{what} has e_flags 0x{f.Flags:x} ({string.Join(' ', facts.AbiFlags.Where(a => !a.StartsWith("isa=", StringComparison.Ordinal)))}); " +
                    $"the riscv64 targets need 0x{candidates[0].ElfFlags & RiscVAbiBits:x} (rvc, double-float ABI: rv64gc/lp64d)");
            candidates = abi;
        }

        if (f.Type == ElfType.Relocatable)
            return new InspectTarget(true, Names(candidates), $"{what}: a relocatable object links into any of these targets");

        var linux = f.AbiTag?.StartsWith("Linux", StringComparison.Ordinal) == true ||
            f.Interpreter?.Contains("ld-linux", StringComparison.Ordinal) == true || f.Header.OsAbi == 3;
        var os = linux ? Os.Linux : Os.Veridian;
        var byOs = candidates.Where(t => t.Os == os).ToList();
        if (byOs.Count == 0)
            return new InspectTarget(false, [], $"{what}: no {os} target for this machine");
        var evidence = linux ? $"built for Linux ({f.Interpreter ?? f.AbiTag ?? "ELFOSABI_LINUX"})" : "no Linux interpreter or ABI tag";

        var lowest = f.Segments.Where(s => s.Type == PT_LOAD).Select(s => (ulong?)s.VirtualAddress).Min();
        var byLoad = byOs.Where(t => t.LoadAddress is { } load && lowest == load).ToList();
        if (byLoad.Count > 0)
            return new InspectTarget(true, Names(byLoad), $"{what}, {evidence}, first segment at the target's load address 0x{lowest:x}");
        var notAt = byOs.Where(t => t.LoadAddress is null || !t.IsKernel).ToList();
        if (notAt.Count > 0)
            return new InspectTarget(true, Names(notAt), $"{what}, {evidence}" + (lowest is { } l ? $", first segment at 0x{l:x}" : ""));
        return new InspectTarget(false, [], $"{what}, {evidence}, but the first segment (0x{lowest:x}) is at none of the targets' load addresses");
    }

    private static List<string> Names(IEnumerable<TargetInfo> targets) => targets.Select(t => t.Canonical).Order(StringComparer.Ordinal).ToList();
}
