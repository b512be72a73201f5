namespace Veridian.Elf.Report;

/// <summary>How many symbols an <see cref="ElfReport"/>'s file has, without the null symbol at index 0 of each table.</summary>
/// <param name="Static">Symbols in <c>.symtab</c>.</param>
/// <param name="Dynamic">Symbols in <c>.dynsym</c>.</param>
/// <param name="StaticDefined">Symbols in <c>.symtab</c> defined in the file.</param>
/// <param name="StaticUndefined">Symbols in <c>.symtab</c> the file uses but does not define.</param>
/// <param name="DynamicUndefined">Symbols in <c>.dynsym</c> the file uses but does not define.</param>
public sealed record ElfReportSymbolCounts(int Static, int Dynamic, int StaticDefined, int StaticUndefined, int DynamicUndefined);
