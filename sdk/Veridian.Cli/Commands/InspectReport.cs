using Veridian.Elf;
using static Veridian.Elf.ElfConstants;

namespace Veridian.Cli.Commands;

/// <summary>The data <c>veridian inspect</c> shows; its JSON form is the <c>--json</c> output (docs/elf.md).</summary>
internal sealed record InspectReport(
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
    InspectHardening Hardening,
    ElfTargetMatch Target,
    InspectSymbolCounts SymbolCounts,
    IReadOnlyList<string> Needed,
    string? SoName,
    string? RPath,
    string? RunPath,
    IReadOnlyList<InspectSegment> Segments,
    IReadOnlyList<InspectSection> Sections,
    IReadOnlyList<InspectDynamic> Dynamic,
    IReadOnlyList<InspectAttribute> Attributes,
    IReadOnlyList<InspectSymbol>? Symbols,
    IReadOnlyList<InspectSymbol>? DynamicSymbols,
    IReadOnlyList<InspectRelocationSection>? Relocations,
    IReadOnlyList<InspectNote>? Notes,
    IReadOnlyList<string> Diagnostics)
{
    public static InspectReport Build(ElfFile f, string path, bool symbols, bool relocs, bool notes)
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
        return new InspectReport(
            path, kind, ElfNames.FileType((ushort)f.Type), f.Class == ElfClass.Elf64 ? "elf64" : "elf32",
            f.Endianness == ElfEndianness.Little ? "little" : "big",
            ElfNames.Machine((ushort)f.Machine), (int)f.Machine, facts.Architecture, f.Flags, facts.AbiFlags,
            f.Header.OsAbi, f.Entry, linking, f.Interpreter, f.BuildId, f.AbiTag, f.PvhEntry,
            new InspectHardening(facts.Pie, facts.Relro, facts.NonExecutableStack, facts.StackProtector, facts.WritableAndExecutableSegment),
            ElfTargetMatch.For(f),
            new InspectSymbolCounts(Math.Max(0, f.Symbols.Count - 1), Math.Max(0, f.DynamicSymbols.Count - 1),
                f.Symbols.Skip(1).Count(s => !s.IsUndefined), f.Symbols.Skip(1).Count(s => s.IsUndefined),
                f.DynamicSymbols.Skip(1).Count(s => s.IsUndefined)),
            f.Needed, f.SoName, f.RPath, f.RunPath,
            f.Segments.Select(s => new InspectSegment(s.TypeName, s.Type, s.Permissions, s.Flags, s.Offset, s.VirtualAddress, s.PhysicalAddress, s.FileSize, s.MemorySize, s.Align)).ToList(),
            f.Sections.Select(s => new InspectSection(s.Index, s.Name, s.TypeName, s.Type, s.Flags, s.FlagLetters, s.Address, s.Offset, s.Size, s.Link, s.Info, s.AddressAlign, s.EntrySize)).ToList(),
            f.DynamicEntries.Select(e => new InspectDynamic(e.TagName, e.Tag, e.Value, e.Text)).ToList(),
            f.Attributes.SelectMany(a => a.Attributes.Select(x => new InspectAttribute(a.SectionName, a.Vendor, x.TagName, x.Tag, x.Number, x.Text))).ToList(),
            symbols ? f.Symbols.Select(s => InspectSymbol.Of(f, s)).ToList() : null,
            symbols ? f.DynamicSymbols.Select(s => InspectSymbol.Of(f, s)).ToList() : null,
            relocs ? f.RelocationSections.Select(r => new InspectRelocationSection(r.Section.Name, r.Section.Index, r.Target?.Name, r.SymbolTable?.Name,
                r.Relocations.Select(x => new InspectRelocation(x.Offset, x.TypeName, x.Type, x.SymbolIndex, x.SymbolName, x.Addend)).ToList())).ToList() : null,
            notes ? f.Notes.Select(n => new InspectNote(n.SectionName, n.Owner, n.TypeName, n.Type, n.Descriptor.Length, n.Offset, n.BuildId, n.AbiTag, n.PvhEntry,
                n.GnuProperties.Select(p => $"0x{p.Type:x}=0x{p.Value:x}").ToList())).ToList() : null,
            f.Diagnostics.Select(d => d.ToString()).ToList());
    }
}

internal sealed record InspectHardening(bool Pie, string Relro, bool? NonExecutableStack, bool StackProtector, bool WritableAndExecutableSegment);

internal sealed record InspectSymbolCounts(int Static, int Dynamic, int StaticDefined, int StaticUndefined, int DynamicUndefined);

internal sealed record InspectSegment(string Type, uint TypeValue, string Permissions, uint Flags, ulong Offset, ulong VirtualAddress,
    ulong PhysicalAddress, ulong FileSize, ulong MemorySize, ulong Align);

internal sealed record InspectSection(int Index, string Name, string Type, uint TypeValue, ulong Flags, string FlagLetters, ulong Address,
    ulong Offset, ulong Size, uint Link, uint Info, ulong AddressAlign, ulong EntrySize);

internal sealed record InspectDynamic(string Tag, long TagValue, ulong Value, string? Text);

internal sealed record InspectAttribute(string Section, string Vendor, string Tag, ulong TagValue, ulong? Number, string? Text);

internal sealed record InspectSymbol(int Index, string Name, string VersionedName, string? Version, bool VersionHidden, ulong Value, ulong Size, string Type, string Binding,
    string Visibility, uint SectionIndex, string? Section)
{
    public static InspectSymbol Of(ElfFile f, ElfSymbol s) =>
        new(s.Index, s.Name, s.VersionedName, s.Version, s.VersionHidden, s.Value, s.Size, s.TypeName, s.BindingName, s.VisibilityName, s.SectionIndex, SectionLabel(f, s));

    private static string? SectionLabel(ElfFile f, ElfSymbol s) => s.SectionIndex switch
    {
        SHN_UNDEF => "UND",
        SHN_ABS => "ABS",
        SHN_COMMON => "COM",
        _ => f.SectionNameOf(s),
    };
}

internal sealed record InspectRelocationSection(string Section, int SectionIndex, string? AppliesTo, string? SymbolTable, IReadOnlyList<InspectRelocation> Relocations);

internal sealed record InspectRelocation(ulong Offset, string Type, uint TypeValue, uint SymbolIndex, string? Symbol, long? Addend);

internal sealed record InspectNote(string? Section, string Owner, string Type, uint TypeValue, int Size, long Offset, string? BuildId, string? AbiTag,
    ulong? PvhEntry, IReadOnlyList<string> Properties);

