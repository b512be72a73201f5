namespace Veridian.Elf.Report;

/// <summary>One build attribute of an <see cref="ElfReport"/> (<c>.riscv.attributes</c>, <c>.ARM.attributes</c>, …).</summary>
/// <param name="Section">The attributes section it is in.</param>
/// <param name="Vendor">The vendor subsection (<c>riscv</c>, <c>aeabi</c>, …).</param>
/// <param name="Tag">The tag's name (<c>Tag_RISCV_arch</c>, …).</param>
/// <param name="TagValue">The tag's number.</param>
/// <param name="Number">The value when the tag holds a number, else null.</param>
/// <param name="Text">The value when the tag holds a string, else null.</param>
public sealed record ElfReportAttribute(string Section, string Vendor, string Tag, ulong TagValue, ulong? Number, string? Text);
