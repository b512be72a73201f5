namespace Veridian.Elf.Report;

/// <summary>A section header of an <see cref="ElfReport"/> (<see cref="ElfSection"/>).</summary>
/// <param name="Index">The section's index in the section header table.</param>
/// <param name="Name">The section's name.</param>
/// <param name="Type">The type's name (<c>SHT_PROGBITS</c>, or hex when unknown).</param>
/// <param name="TypeValue">sh_type.</param>
/// <param name="Flags">sh_flags.</param>
/// <param name="FlagLetters">sh_flags as llvm-readelf's letters (<c>WAX</c>, …).</param>
/// <param name="Address">sh_addr.</param>
/// <param name="Offset">sh_offset.</param>
/// <param name="Size">sh_size.</param>
/// <param name="Link">sh_link.</param>
/// <param name="Info">sh_info.</param>
/// <param name="AddressAlign">sh_addralign.</param>
/// <param name="EntrySize">sh_entsize.</param>
public sealed record ElfReportSection(int Index, string Name, string Type, uint TypeValue, ulong Flags, string FlagLetters, ulong Address,
    ulong Offset, ulong Size, uint Link, uint Info, ulong AddressAlign, ulong EntrySize);
