using Veridian.Diagnostics;
using Veridian.Triples;

namespace Veridian.Runner;

/// <summary>Checks that a file is a 64-bit little-endian ELF for the target's machine before QEMU is asked to run it.</summary>
internal static class ElfCheck
{
    public static void Require(string path, TargetInfo target)
    {
        Span<byte> header = stackalloc byte[20];
        int read;
        using (var stream = File.OpenRead(path))
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        // ELF header (System V gABI): magic, EI_CLASS = 2 (64-bit), EI_DATA = 1 (little-endian), e_machine at 18.
        if (read < header.Length || header[0] != 0x7f || header[1] != (byte)'E' || header[2] != (byte)'L' || header[3] != (byte)'F')
        {
            throw DiagnosticException.Error(RunnerCodes.WrongMachine, $"'{path}' is not an ELF file",
                hint: "pass an executable or kernel image built for the target");
        }
        int machine = header[18] | header[19] << 8;
        if (header[4] != 2 || header[5] != 1 || machine != target.ElfMachine)
        {
            throw DiagnosticException.Error(RunnerCodes.WrongMachine,
                $"'{path}' is an ELF for machine {machine} (class {header[4]}), not for {target.Canonical} (machine {target.ElfMachine}, 64-bit)",
                hint: "pass the --target the file was built for");
        }
    }
}
