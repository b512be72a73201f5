namespace Veridian.Elf;

/// <summary>One relocation (<c>Elf_Rel</c>, <c>Elf_Rela</c>, or one address decoded from <c>SHT_RELR</c>).</summary>
public sealed record ElfRelocation(
    ulong Offset,
    uint Type,
    string TypeName,
    uint SymbolIndex,
    string? SymbolName,
    long? Addend);
