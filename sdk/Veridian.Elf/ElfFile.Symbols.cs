using static Veridian.Elf.ElfConstants;

namespace Veridian.Elf;

public sealed partial class ElfFile
{
    private readonly Lazy<IReadOnlyList<ElfSymbol>> _symbols;
    private readonly Lazy<IReadOnlyList<ElfSymbol>> _dynamicSymbols;
    private readonly Dictionary<int, IReadOnlyList<ElfSymbol>> _symbolTables = [];
    private readonly Lock _symbolTablesLock = new();

    /// <summary>The static symbol table (<c>.symtab</c>), index 0 included; empty when stripped.</summary>
    public IReadOnlyList<ElfSymbol> Symbols => _symbols.Value;

    /// <summary>The dynamic symbol table (<c>.dynsym</c>) with symbol versions, index 0 included; empty for static files.</summary>
    public IReadOnlyList<ElfSymbol> DynamicSymbols => _dynamicSymbols.Value;

    private IReadOnlyList<ElfSymbol> ReadSymbolTable(uint type)
    {
        var section = Sections.FirstOrDefault(s => s.Type == type);
        return section is null ? [] : GetSymbols(section);
    }

    /// <summary>The symbols of one SHT_SYMTAB or SHT_DYNSYM section (decoded once, then cached).</summary>
    public IReadOnlyList<ElfSymbol> GetSymbols(ElfSection table)
    {
        lock (_symbolTablesLock)
        {
            if (_symbolTables.TryGetValue(table.Index, out var cached))
                return cached;
        }
        var symbols = DecodeSymbols(table);
        lock (_symbolTablesLock)
            _symbolTables.TryAdd(table.Index, symbols);
        return symbols;
    }

    private long SectionHeaderOffsetOf(ElfSection s) => (long)Math.Min(Header.SectionHeaderOffset + (ulong)s.Index * (ulong)SectionHeaderSize, long.MaxValue);

    private IReadOnlyList<ElfSymbol> DecodeSymbols(ElfSection table)
    {
        if (table.Type is not (SHT_SYMTAB or SHT_DYNSYM))
            return [];
        var size = _is64 ? 24 : 16;
        var at = SectionHeaderOffsetOf(table);
        if (table.EntrySize != (ulong)size)
        {
            Error(ElfCodes.BadSymbolTable, at, $"symbol table '{table.Name}' (section {table.Index}) has sh_entsize {table.EntrySize}, expected {size}");
            return [];
        }
        if (table.Size % (ulong)size != 0)
            Warning(ElfCodes.BadSymbolTable, at, $"symbol table '{table.Name}' has a size ({table.Size}) that is not a multiple of {size}; the tail is ignored");
        var data = TableData(table).Span;
        var count = data.Length / size;
        var strtab = SectionAt(table.Link);
        ReadOnlySpan<byte> strings = default;
        if (strtab is null || strtab.Type != SHT_STRTAB)
            Error(ElfCodes.BadStringTable, at, $"symbol table '{table.Name}' links to section {table.Link}, which is not a string table");
        else
            strings = GetSectionData(strtab).Span;
        var shndxSection = Sections.FirstOrDefault(s => s.Type == SHT_SYMTAB_SHNDX && s.Link == table.Index);
        var shndx = shndxSection is null ? default : GetSectionData(shndxSection).Span;
        var versions = table.Type == SHT_DYNSYM ? ReadVersions(table, count) : null;

        var list = new ElfSymbol[count];
        for (var i = 0; i < count; i++)
        {
            var e = data.Slice(i * size, size);
            var r = new FieldReader(e, _big);
            var symAt = (long)table.Offset + (long)i * size;
            var sym = _is64
                ? new ElfSymbol(i, "", r.U32(0), r.U64(8), r.U64(16), r.U8(4), r.U8(5), r.U16(6))
                : new ElfSymbol(i, "", r.U32(0), r.U32(4), r.U32(8), r.U8(12), r.U8(13), r.U16(14));
            if (sym.NameOffset != 0 || !strings.IsEmpty)
                sym = sym with { Name = strings.IsEmpty ? "" : StringAt(strings, sym.NameOffset, symAt, $"symbol {i}'s name") ?? "" };
            if (sym.SectionIndex == SHN_XINDEX)
            {
                // The real index is in the parallel SHT_SYMTAB_SHNDX table (gABI "Extended Section Indexes").
                if ((ulong)shndx.Length >= (ulong)(i + 1) * 4)
                    sym = sym with { SectionIndex = new FieldReader(shndx.Slice(i * 4, 4), _big).U32(0) };
                else
                    Error(ElfCodes.BadSymbolTable, symAt, $"symbol {i} ('{sym.Name}') uses SHN_XINDEX but there is no SHT_SYMTAB_SHNDX entry for it");
            }
            if (sym.SectionIndex < SHN_LORESERVE && sym.SectionIndex != SHN_UNDEF && Sections.Count > 0 && sym.SectionIndex >= Sections.Count)
                Error(ElfCodes.BadSymbolTable, symAt, $"symbol {i} ('{sym.Name}') is in section {sym.SectionIndex}, but there are only {Sections.Count} sections");
            if (versions is not null && i < versions.Length && versions[i].Name is { } v)
                sym = sym with { Version = v, VersionHidden = versions[i].Hidden, VersionNeeded = versions[i].Needed };
            list[i] = sym;
        }
        return list;
    }

    /// <summary>The name of the section a symbol is defined in, or null (undefined, absolute, common, or out of range).</summary>
    public string? SectionNameOf(ElfSymbol symbol) =>
        symbol.SectionIndex is > 0 and < SHN_LORESERVE || symbol.SectionIndex > SHN_XINDEX ? SectionAt(symbol.SectionIndex)?.Name : null;
}
