namespace Veridian.Elf;

/// <summary>One program header (<c>Elf_Phdr</c>).</summary>
public sealed record ElfSegment(
    int Index,
    uint Type,
    uint Flags,
    ulong Offset,
    ulong VirtualAddress,
    ulong PhysicalAddress,
    ulong FileSize,
    ulong MemorySize,
    ulong Align,
    ElfMachine Machine)
{
    /// <summary>The type as readelf names it (<c>PT_LOAD</c>, <c>PT_GNU_STACK</c>, …) or its number in hex.</summary>
    public string TypeName => ElfNames.SegmentType(Type, Machine);

    /// <summary>Permissions as <c>R</c>, <c>W</c>, <c>X</c> letters or <c>-</c> (e.g. <c>R-X</c>).</summary>
    public string Permissions =>
        $"{((Flags & ElfConstants.PF_R) != 0 ? 'R' : '-')}{((Flags & ElfConstants.PF_W) != 0 ? 'W' : '-')}{((Flags & ElfConstants.PF_X) != 0 ? 'X' : '-')}";
}
