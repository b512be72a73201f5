using static Veridian.Elf.ElfConstants;

namespace Veridian.Elf.Report;

/// <summary>
/// What an ELF file is, in plain data: its header facts, how it was linked and hardened, the Veridian target it
/// fits, and its segments, sections, dynamic entries and attributes, plus the listings asked for. Serialised with
/// camelCase names it is <c>veridian inspect --json</c>'s output; the CLI renders its text form (docs/elf.md).
/// </summary>
/// <param name="File">The file's path, as given.</param>
/// <param name="Kind">What the file is: <c>relocatable object</c>, <c>executable</c>, <c>position-independent executable</c>,
/// <c>static position-independent executable</c>, <c>shared library</c>, <c>core dump</c>, …</param>
/// <param name="Type">e_type's name (<c>REL</c>, <c>EXEC</c>, <c>DYN</c>, …).</param>
/// <param name="Class"><c>elf32</c> or <c>elf64</c>.</param>
/// <param name="Endianness"><c>little</c> or <c>big</c>.</param>
/// <param name="Machine">e_machine's name (<c>EM_AARCH64</c>, …).</param>
/// <param name="MachineValue">e_machine.</param>
/// <param name="Architecture">The architecture in Veridian's spelling, or null when unknown.</param>
/// <param name="Flags">e_flags.</param>
/// <param name="AbiFlags">The ABI flags e_flags and the GNU property note mean (<see cref="ElfFacts.AbiFlags"/>).</param>
/// <param name="OsAbi">EI_OSABI.</param>
/// <param name="Entry">e_entry.</param>
/// <param name="Linking"><c>not linked</c> (an object), <c>static</c> or <c>dynamic</c>.</param>
/// <param name="Interpreter">The program interpreter, or null.</param>
/// <param name="BuildId">The GNU build-id in hex, or null.</param>
/// <param name="AbiTag">The GNU ABI tag (<c>Linux 3.2.0</c>), or null.</param>
/// <param name="PvhEntry">The Xen/PVH entry point, or null.</param>
/// <param name="Hardening">PIE, RELRO, non-executable stack, stack protector, W+X segments.</param>
/// <param name="Target">The Veridian targets the file fits (<see cref="ElfTargetMatch.For"/>).</param>
/// <param name="SymbolCounts">How many symbols each table has.</param>
/// <param name="Needed">The DT_NEEDED libraries.</param>
/// <param name="SoName">DT_SONAME, or null.</param>
/// <param name="RPath">DT_RPATH, or null.</param>
/// <param name="RunPath">DT_RUNPATH, or null.</param>
/// <param name="Segments">The program headers.</param>
/// <param name="Sections">The section headers.</param>
/// <param name="Dynamic">The dynamic section's entries.</param>
/// <param name="Attributes">The build attributes.</param>
/// <param name="Symbols">The static symbols with <see cref="ElfReportListings.Symbols"/>, else null.</param>
/// <param name="DynamicSymbols">The dynamic symbols with <see cref="ElfReportListings.Symbols"/>, else null.</param>
/// <param name="Relocations">The relocation sections with <see cref="ElfReportListings.Relocations"/>, else null.</param>
/// <param name="Notes">The notes with <see cref="ElfReportListings.Notes"/>, else null.</param>
/// <param name="Diagnostics">The warnings and errors found while reading, as text.</param>
public sealed record ElfReport(
    string File,
    string Kind,
    string Type,
    string Class,
    string Endianness,
    string Machine,
    int MachineValue,
    string? Architecture,
    uint Flags,
    IReadOnlyList<string> AbiFlags,
    int OsAbi,
    ulong Entry,
    string Linking,
    string? Interpreter,
    string? BuildId,
    string? AbiTag,
    ulong? PvhEntry,
    ElfReportHardening Hardening,
    ElfTargetMatch Target,
    ElfReportSymbolCounts SymbolCounts,
    IReadOnlyList<string> Needed,
    string? SoName,
    string? RPath,
    string? RunPath,
    IReadOnlyList<ElfReportSegment> Segments,
    IReadOnlyList<ElfReportSection> Sections,
    IReadOnlyList<ElfReportDynamicEntry> Dynamic,
    IReadOnlyList<ElfReportAttribute> Attributes,
    IReadOnlyList<ElfReportSymbol>? Symbols,
    IReadOnlyList<ElfReportSymbol>? DynamicSymbols,
    IReadOnlyList<ElfReportRelocationSection>? Relocations,
    IReadOnlyList<ElfReportNote>? Notes,
    IReadOnlyList<string> Diagnostics)
{
    /// <summary>
    /// The report of <paramref name="f"/>, named <paramref name="path"/>, with <paramref name="listings"/>. Decodes every
    /// part of the file it reports; problems found on the way are in <see cref="Diagnostics"/> (and in
    /// <see cref="ElfFile.Diagnostics"/>), never thrown.
    /// </summary>
    public static ElfReport Of(ElfFile f, string path, ElfReportListings listings = ElfReportListings.None)
    {
        var facts = ElfFacts.Of(f);
        var linking = f.Type switch
        {
            ElfType.Relocatable => "not linked",
            _ when f.Interpreter is not null || f.DynamicEntries.Any(e => e.Tag == DT_NEEDED) => "dynamic",
            _ when f.Type == ElfType.SharedObject => "dynamic",
            _ => "static",
        };
        var kind = f.Type switch
        {
            ElfType.Relocatable => "relocatable object",
            ElfType.Executable => "executable",
            ElfType.SharedObject when facts.Pie => "position-independent executable",
            ElfType.SharedObject when f.DynamicEntries.Any(e => e.Tag == DT_FLAGS_1) && f.Interpreter is null && f.SoName is null && f.Entry != 0 && f.Needed.Count == 0 => "static position-independent executable",
            ElfType.SharedObject => "shared library",
            ElfType.Core => "core dump",
            ElfType.None => "no file type",
            _ => $"file type 0x{(ushort)f.Type:x}",
        };
        var symbols = listings.HasFlag(ElfReportListings.Symbols);
        return new ElfReport(
            path, kind, ElfNames.FileType((ushort)f.Type), f.Class == ElfClass.Elf64 ? "elf64" : "elf32",
            f.Endianness == ElfEndianness.Little ? "little" : "big",
            ElfNames.Machine((ushort)f.Machine), (int)f.Machine, facts.Architecture, f.Flags, facts.AbiFlags,
            f.Header.OsAbi, f.Entry, linking, f.Interpreter, f.BuildId, f.AbiTag, f.PvhEntry,
            new ElfReportHardening(facts.Pie, facts.Relro, facts.NonExecutableStack, facts.StackProtector, facts.WritableAndExecutableSegment),
            ElfTargetMatch.For(f),
            new ElfReportSymbolCounts(Math.Max(0, f.Symbols.Count - 1), Math.Max(0, f.DynamicSymbols.Count - 1),
                f.Symbols.Skip(1).Count(s => !s.IsUndefined), f.Symbols.Skip(1).Count(s => s.IsUndefined),
                f.DynamicSymbols.Skip(1).Count(s => s.IsUndefined)),
            f.Needed, f.SoName, f.RPath, f.RunPath,
            f.Segments.Select(s => new ElfReportSegment(s.TypeName, s.Type, s.Permissions, s.Flags, s.Offset, s.VirtualAddress, s.PhysicalAddress, s.FileSize, s.MemorySize, s.Align)).ToList(),
            f.Sections.Select(s => new ElfReportSection(s.Index, s.Name, s.TypeName, s.Type, s.Flags, s.FlagLetters, s.Address, s.Offset, s.Size, s.Link, s.Info, s.AddressAlign, s.EntrySize)).ToList(),
            f.DynamicEntries.Select(e => new ElfReportDynamicEntry(e.TagName, e.Tag, e.Value, e.Text)).ToList(),
            f.Attributes.SelectMany(a => a.Attributes.Select(x => new ElfReportAttribute(a.SectionName, a.Vendor, x.TagName, x.Tag, x.Number, x.Text))).ToList(),
            symbols ? f.Symbols.Select(s => ElfReportSymbol.Of(f, s)).ToList() : null,
            symbols ? f.DynamicSymbols.Select(s => ElfReportSymbol.Of(f, s)).ToList() : null,
            listings.HasFlag(ElfReportListings.Relocations)
                ? f.RelocationSections.Select(r => new ElfReportRelocationSection(r.Section.Name, r.Section.Index, r.Target?.Name, r.SymbolTable?.Name,
                    r.Relocations.Select(x => new ElfReportRelocation(x.Offset, x.TypeName, x.Type, x.SymbolIndex, x.SymbolName, x.Addend)).ToList())).ToList()
                : null,
            listings.HasFlag(ElfReportListings.Notes)
                ? f.Notes.Select(n => new ElfReportNote(n.SectionName, n.Owner, n.TypeName, n.Type, n.Descriptor.Length, n.Offset, n.BuildId, n.AbiTag, n.PvhEntry,
                    n.GnuProperties.Select(p => $"0x{p.Type:x}=0x{p.Value:x}").ToList())).ToList()
                : null,
            f.Diagnostics.Select(d => d.ToString()).ToList());
    }
}
