using static Veridian.Elf.ElfConstants;

namespace Veridian.Elf;

public sealed partial class ElfFile
{
    private readonly Lazy<IReadOnlyList<ElfRelocationSection>> _relocations;

    /// <summary>Every SHT_REL, SHT_RELA and SHT_RELR section with its relocations, in section order.</summary>
    public IReadOnlyList<ElfRelocationSection> RelocationSections => _relocations.Value;

    /// <summary>The relocation type name for this file's machine and class (e.g. <c>R_RISCV_CALL_PLT</c>).</summary>
    public string RelocationTypeName(uint type) => ElfNames.RelocationType(Header.Machine, Class, type);

    private IReadOnlyList<ElfRelocationSection> ReadRelocationSections()
    {
        var list = new List<ElfRelocationSection>();
        foreach (var s in Sections)
        {
            if (s.Type is SHT_REL or SHT_RELA)
                list.Add(DecodeRelocations(s));
            else if (s.Type == SHT_RELR)
                list.Add(DecodeRelr(s));
        }
        return list;
    }

    private ElfRelocationSection DecodeRelocations(ElfSection s)
    {
        var rela = s.Type == SHT_RELA;
        var size = (_is64 ? 8 : 4) * (rela ? 3 : 2);
        var at = SectionHeaderOffsetOf(s);
        var target = s.Info != 0 ? SectionAt(s.Info) : null;
        if (s.EntrySize != (ulong)size)
        {
            Error(ElfCodes.BadRelocation, at, $"relocation section '{s.Name}' has sh_entsize {s.EntrySize}, expected {size}");
            return new ElfRelocationSection(s, null, target, []);
        }
        ElfSection? symtab = null;
        IReadOnlyList<ElfSymbol> symbols = [];
        if (s.Link != 0)
        {
            symtab = SectionAt(s.Link);
            if (symtab is null || symtab.Type is not (SHT_SYMTAB or SHT_DYNSYM))
            {
                Error(ElfCodes.BadRelocation, at, $"relocation section '{s.Name}' links to section {s.Link}, which is not a symbol table");
                symtab = null;
            }
            else
            {
                symbols = GetSymbols(symtab);
            }
        }
        if (s.Info != 0 && target is null && (s.Flags & 0x40) != 0)
            Error(ElfCodes.BadRelocation, at, $"relocation section '{s.Name}' applies to section {s.Info}, which does not exist");
        var data = TableData(s).Span;
        var count = data.Length / size;
        var relocs = new ElfRelocation[count];
        for (var i = 0; i < count; i++)
        {
            var r = new FieldReader(data.Slice(i * size, size), _big);
            ulong offset, info;
            long? addend = null;
            uint sym, type;
            if (_is64)
            {
                offset = r.U64(0);
                info = r.U64(8);
                sym = (uint)(info >> 32);
                type = (uint)info;
                if (rela)
                    addend = (long)r.U64(16);
            }
            else
            {
                offset = r.U32(0);
                info = r.U32(4);
                sym = (uint)(info >> 8);
                type = (uint)(info & 0xff);
                if (rela)
                    addend = (int)r.U32(8);
            }
            string? name = null;
            if (sym != 0)
            {
                if (sym < symbols.Count)
                {
                    var symbol = symbols[(int)sym];
                    name = symbol.Name.Length == 0 && symbol.Type == STT_SECTION ? SectionNameOf(symbol) ?? "" : symbol.Name;
                }
                else if (symtab is not null)
                {
                    Error(ElfCodes.BadRelocation, (long)s.Offset + (long)i * size,
                        $"relocation {i} of '{s.Name}' names symbol {sym}, but '{symtab.Name}' has {symbols.Count} symbols");
                }
            }
            relocs[i] = new ElfRelocation(offset, type, RelocationTypeName(type), sym, name, addend);
        }
        return new ElfRelocationSection(s, symtab, target, relocs);
    }

    /// <summary>The machine's R_*_RELATIVE type, which every SHT_RELR entry stands for.</summary>
    private uint RelativeType => Machine switch
    {
        ElfMachine.X86_64 => 8,
        ElfMachine.I386 => 8,
        ElfMachine.AArch64 => 1027,
        ElfMachine.Arm => 23,
        ElfMachine.RiscV => 3,
        _ => 0,
    };

    /// <summary>SHT_RELR (gABI): an even word is an address; an odd word is a bitmap of the following words.</summary>
    private ElfRelocationSection DecodeRelr(ElfSection s)
    {
        var word = _is64 ? 8 : 4;
        var at = SectionHeaderOffsetOf(s);
        if (s.EntrySize != (ulong)word)
        {
            Error(ElfCodes.BadRelocation, at, $"relocation section '{s.Name}' has sh_entsize {s.EntrySize}, expected {word}");
            return new ElfRelocationSection(s, null, null, []);
        }
        var data = TableData(s).Span;
        var type = RelativeType;
        var typeName = RelocationTypeName(type);
        var list = new List<ElfRelocation>();
        ulong next = 0;
        var bits = word * 8 - 1;
        for (var i = 0; i + word <= data.Length; i += word)
        {
            var w = new FieldReader(data.Slice(i, word), _big).Word(0, _is64);
            if ((w & 1) == 0)
            {
                list.Add(new ElfRelocation(w, type, typeName, 0, null, null));
                next = w + (ulong)word;
                continue;
            }
            for (var b = 1; b <= bits; b++)
            {
                if (((w >> b) & 1) != 0)
                    list.Add(new ElfRelocation(next + (ulong)((b - 1) * word), type, typeName, 0, null, null));
            }
            next += (ulong)(bits * word);
        }
        return new ElfRelocationSection(s, null, null, list);
    }
}
