using Veridian.Elf;
using Veridian.Pkg.Format;

namespace Veridian.Pkg.Install;

/// <summary>
/// Checks that a file of a package fits the package's target, from its first bytes. The default is
/// <see cref="ElfMachineCheck"/>; tests replace it.
/// </summary>
public interface IPayloadTargetCheck
{
    /// <summary>How many leading bytes of each file the check needs.</summary>
    int HeaderBytes { get; }

    /// <summary>Null when the file fits <paramref name="target"/>, else why not.</summary>
    string? Check(Entry entry, ReadOnlySpan<byte> header, string target);
}

/// <summary>
/// ELF files must fit the target by <see cref="ElfTargetMatch.Mismatch"/>: class, byte order, machine and the ABI
/// bits of e_flags (read with Veridian.Elf from the first 64 bytes: the ELF header is all the check needs, so the
/// reader's complaints about sections beyond those bytes are irrelevant here).
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
        ElfFile.TryRead(header.ToArray(), out var elf, out _, entry.Path);
        if (elf is null)
            return $"'{entry.Path}' starts like an ELF file but its header cannot be read";
        return ElfTargetMatch.Mismatch(elf, info) is { } why ? $"'{entry.Path}' is {why}" : null;
    }
}
