using Veridian.Elf;
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

/// <summary>
/// ELF files must have the target's class, byte order and machine (read with Veridian.Elf from the first
/// 64 bytes: the ELF header is all the check needs, so the reader's complaints about sections beyond
/// those bytes are irrelevant here).
/// </summary>
public sealed class ElfMachineCheck : IPayloadTargetCheck
{
    public static readonly ElfMachineCheck Instance = new();

    public int HeaderBytes => 64;

    public string? Check(Entry entry, ReadOnlySpan<byte> header, string target)
    {
        if (header.Length < 4 || !header[..4].SequenceEqual("\u007fELF"u8))
            return null;
        if (TargetName.Resolve(target) is not { } info)
            return null;
        if (!ElfFile.TryRead(header.ToArray(), out var elf, out _, entry.Path) || elf is null)
        {
            if (elf is null)
                return $"'{entry.Path}' starts like an ELF file but its header cannot be read";
        }
        if (elf.Class != ElfClass.Elf64 || elf.Endianness != ElfEndianness.Little)
            return $"'{entry.Path}' is not a 64-bit little-endian ELF file, as {target} requires";
        if ((int)elf.Machine != info.ElfMachine)
            return $"'{entry.Path}' is an ELF file for machine {elf.Machine}, not for {target} (machine {(ElfMachine)info.ElfMachine})";
        return null;
    }
}
