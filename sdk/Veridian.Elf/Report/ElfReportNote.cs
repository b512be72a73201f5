namespace Veridian.Elf.Report;

/// <summary>A note of an <see cref="ElfReport"/> (<see cref="ElfNote"/>).</summary>
/// <param name="Section">The note section it is in, or null when it was found through a PT_NOTE segment only.</param>
/// <param name="Owner">The note's owner (<c>GNU</c>, <c>Xen</c>, …).</param>
/// <param name="Type">The type's name (<c>NT_GNU_BUILD_ID</c>, …).</param>
/// <param name="TypeValue">n_type.</param>
/// <param name="Size">The descriptor's size in bytes.</param>
/// <param name="Offset">The note's file offset.</param>
/// <param name="BuildId">The build-id in hex, for NT_GNU_BUILD_ID.</param>
/// <param name="AbiTag">The ABI tag (<c>Linux 3.2.0</c>), for NT_GNU_ABI_TAG.</param>
/// <param name="PvhEntry">The PVH entry point, for Xen's type-18 note.</param>
/// <param name="Properties">GNU properties as <c>0xtype=0xvalue</c>.</param>
public sealed record ElfReportNote(string? Section, string Owner, string Type, uint TypeValue, int Size, long Offset, string? BuildId, string? AbiTag,
    ulong? PvhEntry, IReadOnlyList<string> Properties);
