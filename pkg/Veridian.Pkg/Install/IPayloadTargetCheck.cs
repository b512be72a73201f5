using Veridian.Pkg.Format;

namespace Veridian.Pkg.Install;

/// <summary>
/// Checks that a file of a package fits the package's target, from its first bytes. The default reads
/// the ELF identification and machine; the ELF reader of sdk/Veridian.Elf can replace it.
/// </summary>
public interface IPayloadTargetCheck
{
    /// <summary>How many leading bytes of each file the check needs.</summary>
    int HeaderBytes { get; }

    /// <summary>Null when the file fits <paramref name="target"/>, else why not.</summary>
    string? Check(Entry entry, ReadOnlySpan<byte> header, string target);
}

/// <summary>ELF files must be 64-bit little-endian with the target architecture's e_machine.</summary>
public sealed class ElfMachineCheck : IPayloadTargetCheck
{
    public static readonly ElfMachineCheck Instance = new();

    public int HeaderBytes => 20;

    public string? Check(Entry entry, ReadOnlySpan<byte> header, string target)
    {
        if (header.Length < 20 || !header[..4].SequenceEqual("\u007fELF"u8))
            return null;
        var arch = TargetName.ArchOf(target);
        if (arch is null)
            return null;
        ushort expected = arch switch
        {
            "x86_64" => 62,
            "aarch64" => 183,
            "riscv64" => 243,
            _ => 0,
        };
        var machine = (ushort)(header[18] | header[19] << 8);
        if (header[4] != 2 || header[5] != 1)
            return $"'{entry.Path}' is not a 64-bit little-endian ELF file, as {target} requires";
        if (machine != expected)
            return $"'{entry.Path}' is an ELF file for machine {machine} ({MachineName(machine)}), not {arch}";
        return null;
    }

    private static string MachineName(ushort m) => m switch
    {
        3 => "i386",
        40 => "arm",
        62 => "x86_64",
        183 => "aarch64",
        243 => "riscv",
        _ => "other",
    };
}
