namespace Veridian.Elf.Report;

/// <summary>A relocation of an <see cref="ElfReportRelocationSection"/> (<see cref="ElfRelocation"/>).</summary>
/// <param name="Offset">r_offset.</param>
/// <param name="Type">The type's name for the file's machine and class (<c>R_AARCH64_CALL26</c>, …).</param>
/// <param name="TypeValue">The type's number.</param>
/// <param name="SymbolIndex">The symbol's index in the section's symbol table.</param>
/// <param name="Symbol">The symbol's name, or null (index 0, or a missing table).</param>
/// <param name="Addend">r_addend for SHT_RELA, else null.</param>
public sealed record ElfReportRelocation(ulong Offset, string Type, uint TypeValue, uint SymbolIndex, string? Symbol, long? Addend);
