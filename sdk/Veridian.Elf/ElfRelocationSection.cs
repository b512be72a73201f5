namespace Veridian.Elf;

/// <summary>A relocation section (<c>SHT_REL</c>, <c>SHT_RELA</c>, <c>SHT_RELR</c>) and its decoded entries.</summary>
public sealed record ElfRelocationSection(ElfSection Section, ElfSection? SymbolTable, ElfSection? Target, IReadOnlyList<ElfRelocation> Relocations);
