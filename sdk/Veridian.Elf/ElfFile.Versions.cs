using static Veridian.Elf.ElfConstants;

namespace Veridian.Elf;

public sealed partial class ElfFile
{
    /// <summary>
    /// Symbol versions of a dynamic symbol table: <c>.gnu.version</c> (one u16 per symbol: index, bit 15 = hidden)
    /// names an entry of <c>.gnu.version_d</c> (definitions) or <c>.gnu.version_r</c> (needs). Returns null when
    /// the file has no version table for <paramref name="dynsym"/>.
    /// </summary>
    private (string? Name, bool Hidden, bool Needed)[]? ReadVersions(ElfSection dynsym, int count)
    {
        var versym = Sections.FirstOrDefault(s => s.Type == SHT_GNU_versym && s.Link == dynsym.Index);
        if (versym is null)
            return null;
        var names = new Dictionary<uint, (string Name, bool Needed)>();
        foreach (var s in Sections)
        {
            if (s.Type == SHT_GNU_verdef)
                ReadVerdef(s, names);
            else if (s.Type == SHT_GNU_verneed)
                ReadVerneed(s, names);
        }
        var data = TableData(versym).Span;
        var result = new (string?, bool, bool)[count];
        for (var i = 0; i < count && (i + 1) * 2 <= data.Length; i++)
        {
            var raw = new FieldReader(data.Slice(i * 2, 2), _big).U16(0);
            var index = (uint)(raw & 0x7fff);
            // 0 = local, 1 = global: no version name (readelf prints none).
            if (index <= 1)
                continue;
            if (names.TryGetValue(index, out var version))
                result[i] = (version.Name, (raw & 0x8000) != 0, version.Needed);
            else
                Error(ElfCodes.BadVersionInfo, (long)versym.Offset + i * 2, $"symbol {i} has version index {index}, which no version definition or need declares");
        }
        return result;
    }

    private void ReadVerdef(ElfSection s, Dictionary<uint, (string Name, bool Needed)> names)
    {
        var data = TableData(s).Span;
        var strings = StringsOf(s);
        ulong pos = 0;
        // sh_info is the number of entries; every step must move forward, so the loop is bounded by the section size.
        for (uint n = 0; n < s.Info && pos + 20 <= (ulong)data.Length; n++)
        {
            var r = new FieldReader(data[(int)pos..], _big);
            var index = (uint)(r.U16(4) & 0x7fff);
            var aux = r.U32(12);
            var next = r.U32(16);
            if (aux >= 8 && pos + aux + 8 <= (ulong)data.Length)
            {
                var nameOffset = new FieldReader(data[(int)(pos + aux)..], _big).U32(0);
                if (StringAt(strings, nameOffset, (long)(s.Offset + pos + aux), "a version definition's name") is { } name)
                    names[index] = (name, false);
            }
            else
            {
                Error(ElfCodes.BadVersionInfo, (long)(s.Offset + pos), "a version definition's vd_aux points outside .gnu.version_d");
            }
            if (next == 0)
                break;
            if (next < 20)
            {
                Error(ElfCodes.BadVersionInfo, (long)(s.Offset + pos), $"a version definition's vd_next ({next}) is smaller than the entry");
                break;
            }
            pos += next;
        }
    }

    private void ReadVerneed(ElfSection s, Dictionary<uint, (string Name, bool Needed)> names)
    {
        var data = TableData(s).Span;
        var strings = StringsOf(s);
        ulong pos = 0;
        for (uint n = 0; n < s.Info && pos + 16 <= (ulong)data.Length; n++)
        {
            var r = new FieldReader(data[(int)pos..], _big);
            var auxCount = r.U16(2);
            var aux = pos + r.U32(8);
            var next = r.U32(12);
            for (var k = 0; k < auxCount && aux + 16 <= (ulong)data.Length && aux >= pos; k++)
            {
                var a = new FieldReader(data[(int)aux..], _big);
                var index = (uint)(a.U16(6) & 0x7fff);
                if (StringAt(strings, a.U32(8), (long)(s.Offset + aux), "a version need's name") is { } name)
                    names[index] = (name, true);
                var anext = a.U32(12);
                if (anext == 0)
                    break;
                if (anext < 16)
                {
                    Error(ElfCodes.BadVersionInfo, (long)(s.Offset + aux), $"a version need's vna_next ({anext}) is smaller than the entry");
                    break;
                }
                aux += anext;
            }
            if (next == 0)
                break;
            if (next < 16)
            {
                Error(ElfCodes.BadVersionInfo, (long)(s.Offset + pos), $"a version need's vn_next ({next}) is smaller than the entry");
                break;
            }
            pos += next;
        }
    }

    private ReadOnlySpan<byte> StringsOf(ElfSection s)
    {
        var strtab = SectionAt(s.Link);
        if (strtab is null || strtab.Type != SHT_STRTAB)
        {
            Error(ElfCodes.BadStringTable, SectionHeaderOffsetOf(s), $"section '{s.Name}' links to section {s.Link}, which is not a string table");
            return default;
        }
        return GetSectionData(strtab).Span;
    }
}
