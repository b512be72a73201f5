namespace Veridian.Elf.Report;

/// <summary>A program header of an <see cref="ElfReport"/> (<see cref="ElfSegment"/>).</summary>
/// <param name="Type">The type's name (<c>PT_LOAD</c>, or hex when unknown).</param>
/// <param name="TypeValue">p_type.</param>
/// <param name="Permissions">p_flags as <c>RWX</c> letters, <c>-</c> for a missing one.</param>
/// <param name="Flags">p_flags.</param>
/// <param name="Offset">p_offset.</param>
/// <param name="VirtualAddress">p_vaddr.</param>
/// <param name="PhysicalAddress">p_paddr.</param>
/// <param name="FileSize">p_filesz.</param>
/// <param name="MemorySize">p_memsz.</param>
/// <param name="Align">p_align.</param>
public sealed record ElfReportSegment(string Type, uint TypeValue, string Permissions, uint Flags, ulong Offset, ulong VirtualAddress,
    ulong PhysicalAddress, ulong FileSize, ulong MemorySize, ulong Align);
