using Veridian.Elf;
using static Veridian.Elf.ElfConstants;

namespace Veridian.Cli.Commands;

/// <summary>Matches an ELF file to the Veridian architectures by machine, class, byte order and ABI flags.</summary>
internal static class TargetMatch
{
    public static InspectTarget For(ElfFile f, ElfFacts facts)
    {
        var what = $"{ElfNames.Machine((ushort)f.Machine)}, {(f.Class == ElfClass.Elf64 ? "ELF64" : "ELF32")} {(f.Endianness == ElfEndianness.Little ? "little" : "big")}-endian";
        var arch = facts.Architecture;
        if (arch is not ("x86_64" or "aarch64" or "riscv64"))
            return new InspectTarget(false, [], $"{what} is not a VeridianOS architecture (x86_64, aarch64, riscv64)");
        if (f.Machine == ElfMachine.RiscV)
        {
            // VeridianOS riscv64 targets are rv64gc with the lp64d ABI: RVC and double-float in e_flags.
            if (facts.FloatAbi != "double")
                return new InspectTarget(false, [], $"{what} uses the {facts.FloatAbi}-float ABI; VeridianOS riscv64 targets use lp64d (double)");
            if ((f.Flags & EF_RISCV_RVC) == 0)
                return new InspectTarget(false, [], $"{what} is built without compressed instructions (RVC); VeridianOS riscv64 targets are rv64gc");
        }
        var linux = f.AbiTag?.StartsWith("Linux", StringComparison.Ordinal) == true ||
            f.Interpreter?.Contains("ld-linux", StringComparison.Ordinal) == true || f.Header.OsAbi == 3;
        if (linux)
            return new InspectTarget(false, [$"{arch}-linux-gnu"], $"{what}, built for Linux ({f.Interpreter ?? f.AbiTag ?? "ELFOSABI_LINUX"}), not VeridianOS; it fits {arch}-linux-gnu");
        return new InspectTarget(true, [$"{arch}-veridian"], $"{what} fits the VeridianOS {arch} targets");
    }
}
