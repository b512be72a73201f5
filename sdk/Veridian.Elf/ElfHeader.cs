namespace Veridian.Elf;

/// <summary>The ELF file header (<c>Elf32_Ehdr</c>/<c>Elf64_Ehdr</c>) as stored, plus the resolved section and
/// program header counts and string table index (which may live in section 0 when the file has very many).</summary>
public sealed record ElfHeader(
    ElfClass Class,
    ElfEndianness Endianness,
    byte IdentVersion,
    byte OsAbi,
    byte AbiVersion,
    ushort Type,
    ushort Machine,
    uint Version,
    ulong Entry,
    ulong ProgramHeaderOffset,
    ulong SectionHeaderOffset,
    uint Flags,
    ushort HeaderSize,
    ushort ProgramHeaderEntrySize,
    ushort ProgramHeaderCountField,
    ushort SectionHeaderEntrySize,
    ushort SectionHeaderCountField,
    ushort StringTableIndexField)
{
    /// <summary>The number of program headers (<c>e_phnum</c>, or section 0's <c>sh_info</c> when it is PN_XNUM).</summary>
    public int ProgramHeaderCount { get; init; }

    /// <summary>The number of section headers (<c>e_shnum</c>, or section 0's <c>sh_size</c> when it is 0).</summary>
    public int SectionHeaderCount { get; init; }

    /// <summary>The section-name string table index (<c>e_shstrndx</c>, or section 0's <c>sh_link</c> when it is SHN_XINDEX).</summary>
    public uint StringTableIndex { get; init; }
}
