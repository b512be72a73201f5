namespace Veridian.Elf.Report;

/// <summary>An entry of the dynamic section of an <see cref="ElfReport"/> (<see cref="ElfDynamicEntry"/>).</summary>
/// <param name="Tag">The tag's name (<c>NEEDED</c>, <c>FLAGS_1</c>, …).</param>
/// <param name="TagValue">d_tag.</param>
/// <param name="Value">d_val / d_ptr.</param>
/// <param name="Text">The string the value names in <c>.dynstr</c> (NEEDED, SONAME, RPATH, RUNPATH), else null.</param>
public sealed record ElfReportDynamicEntry(string Tag, long TagValue, ulong Value, string? Text);
