namespace Veridian.Elf.Report;

/// <summary>The listings an <see cref="ElfReport"/> includes besides its facts, segments and sections
/// (<c>veridian inspect --symbols --relocs --notes</c>).</summary>
[Flags]
public enum ElfReportListings
{
    /// <summary>Facts, segments, sections, dynamic entries and attributes only.</summary>
    None = 0,

    /// <summary>The static and dynamic symbols (<see cref="ElfReport.Symbols"/>, <see cref="ElfReport.DynamicSymbols"/>).</summary>
    Symbols = 1,

    /// <summary>The relocation sections with their relocations (<see cref="ElfReport.Relocations"/>).</summary>
    Relocations = 2,

    /// <summary>The notes (<see cref="ElfReport.Notes"/>).</summary>
    Notes = 4,

    /// <summary>Every listing.</summary>
    All = Symbols | Relocations | Notes,
}
