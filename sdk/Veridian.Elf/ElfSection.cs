namespace Veridian.Elf;

/// <summary>One section header (<c>Elf_Shdr</c>) with its resolved name.</summary>
public sealed record ElfSection(
    int Index,
    string Name,
    uint NameOffset,
    uint Type,
    ulong Flags,
    ulong Address,
    ulong Offset,
    ulong Size,
    uint Link,
    uint Info,
    ulong AddressAlign,
    ulong EntrySize,
    ElfMachine Machine)
{
    /// <summary>The type as readelf names it (<c>SHT_PROGBITS</c>, <c>SHT_RISCV_ATTRIBUTES</c>, …) or its number in hex.</summary>
    public string TypeName => ElfNames.SectionType(Type, Machine);

    /// <summary>The flags as letters, as readelf prints them (<c>W</c> write, <c>A</c> alloc, <c>X</c> exec, …).</summary>
    public string FlagLetters => ElfNames.SectionFlagLetters(Flags);

    /// <summary>True for SHT_NOBITS (<c>.bss</c>): it occupies no bytes in the file.</summary>
    public bool IsNoBits => Type == ElfConstants.SHT_NOBITS;
}
