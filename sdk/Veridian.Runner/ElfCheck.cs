using Veridian.Diagnostics;
using Veridian.Elf;
using Veridian.Triples;

namespace Veridian.Runner;

/// <summary>Checks that a file is an ELF file that fits the target (<see cref="ElfTargetMatch.Mismatch"/>) before QEMU is asked to run it.</summary>
internal static class ElfCheck
{
    /// <summary>The ELF header is all <see cref="ElfTargetMatch.Mismatch"/> reads.</summary>
    private const int HeaderBytes = 64;

    public static void Require(string path, TargetInfo target)
    {
        var header = new byte[HeaderBytes];
        int read;
        using (var stream = File.OpenRead(path))
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        ElfFile.TryRead(header.AsMemory(0, read), out var elf, out _, path);
        if (elf is null || read < 20)
        {
            throw DiagnosticException.Error(RunnerCodes.WrongMachine, $"'{path}' is not an ELF file",
                hint: "pass an executable or kernel image built for the target");
        }
        if (ElfTargetMatch.Mismatch(elf, target) is { } why)
            throw DiagnosticException.Error(RunnerCodes.WrongMachine, $"'{path}' is {why}", hint: "pass the --target the file was built for");
    }
}
