namespace Veridian.Elf.Report;

/// <summary>A relocation section of an <see cref="ElfReport"/> (<see cref="ElfRelocationSection"/>).</summary>
/// <param name="Section">The relocation section's name (<c>.rela.text</c>, …).</param>
/// <param name="SectionIndex">Its index in the section header table.</param>
/// <param name="AppliesTo">The section its relocations patch (sh_info), or null.</param>
/// <param name="SymbolTable">The symbol table its relocations name (sh_link), or null.</param>
/// <param name="Relocations">Its relocations, in file order.</param>
public sealed record ElfReportRelocationSection(string Section, int SectionIndex, string? AppliesTo, string? SymbolTable, IReadOnlyList<ElfReportRelocation> Relocations);
