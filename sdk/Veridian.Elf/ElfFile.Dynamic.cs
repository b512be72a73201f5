using System.Text;
using static Veridian.Elf.ElfConstants;

namespace Veridian.Elf;

public sealed partial class ElfFile
{
    private readonly Lazy<IReadOnlyList<ElfDynamicEntry>> _dynamic;
    private readonly Lazy<string?> _interpreter;

    /// <summary>The dynamic section's entries up to and including DT_NULL; empty for static files and objects.</summary>
    public IReadOnlyList<ElfDynamicEntry> DynamicEntries => _dynamic.Value;

    /// <summary>DT_NEEDED libraries, in order.</summary>
    public IReadOnlyList<string> Needed => DynamicEntries.Where(e => e.Tag == DT_NEEDED && e.Text is not null).Select(e => e.Text!).ToArray();

    public string? SoName => DynamicEntries.FirstOrDefault(e => e.Tag == DT_SONAME)?.Text;

    public string? RPath => DynamicEntries.FirstOrDefault(e => e.Tag == DT_RPATH)?.Text;

    public string? RunPath => DynamicEntries.FirstOrDefault(e => e.Tag == DT_RUNPATH)?.Text;

    /// <summary>DT_FLAGS (DF_*), 0 when absent.</summary>
    public ulong DynamicFlags => DynamicEntries.FirstOrDefault(e => e.Tag == DT_FLAGS)?.Value ?? 0;

    /// <summary>DT_FLAGS_1 (DF_1_*), 0 when absent.</summary>
    public ulong DynamicFlags1 => DynamicEntries.FirstOrDefault(e => e.Tag == DT_FLAGS_1)?.Value ?? 0;

    /// <summary>The program interpreter (PT_INTERP), e.g. <c>/lib/ld-linux-aarch64.so.1</c>; null for static files.</summary>
    public string? Interpreter => _interpreter.Value;

    private string? ReadInterpreter()
    {
        var p = Segments.FirstOrDefault(s => s.Type == PT_INTERP);
        if (p is null)
            return null;
        var bytes = GetSegmentData(p).Span;
        var nul = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(nul >= 0 ? bytes[..nul] : bytes);
    }

    private IReadOnlyList<ElfDynamicEntry> ReadDynamic()
    {
        var size = _is64 ? 16 : 8;
        ReadOnlyMemory<byte> data;
        long baseOffset;
        ReadOnlyMemory<byte> strings = default;
        var section = Sections.FirstOrDefault(s => s.Type == SHT_DYNAMIC);
        if (section is not null)
        {
            if (section.EntrySize != (ulong)size)
            {
                Error(ElfCodes.BadDynamic, SectionHeaderOffsetOf(section), $"the dynamic section has sh_entsize {section.EntrySize}, expected {size}");
                return [];
            }
            data = TableData(section);
            baseOffset = (long)section.Offset;
            var strtab = SectionAt(section.Link);
            if (strtab is null || strtab.Type != SHT_STRTAB)
                Error(ElfCodes.BadStringTable, SectionHeaderOffsetOf(section), $"the dynamic section links to section {section.Link}, which is not a string table");
            else
                strings = GetSectionData(strtab);
        }
        else if (Segments.FirstOrDefault(s => s.Type == PT_DYNAMIC) is { } segment)
        {
            data = TableData(segment);
            baseOffset = (long)segment.Offset;
        }
        else
        {
            return [];
        }

        var span = data.Span;
        var raw = new List<(long Tag, ulong Value, long At)>();
        var terminated = false;
        for (var pos = 0; pos + size <= span.Length; pos += size)
        {
            var r = new FieldReader(span.Slice(pos, size), _big);
            var tag = _is64 ? (long)r.U64(0) : (int)r.U32(0);
            raw.Add((tag, r.Word(size / 2, _is64), baseOffset + pos));
            if (tag == DT_NULL)
            {
                terminated = true;
                break;
            }
        }
        if (!terminated && raw.Count > 0)
            Warning(ElfCodes.BadDynamic, baseOffset, "the dynamic section has no DT_NULL terminator");

        if (strings.IsEmpty && section is null)
        {
            // No section headers: find the string table through DT_STRTAB's address and DT_STRSZ.
            var strtabAddress = raw.FirstOrDefault(e => e.Tag == DT_STRTAB).Value;
            var strsz = raw.FirstOrDefault(e => e.Tag == DT_STRSZ).Value;
            if (strtabAddress != 0 && FileOffsetOf(strtabAddress) is { } off && _source.TryGet(off, Math.Min(strsz, (ulong)Length - Math.Min(off, (ulong)Length)), out var s))
                strings = s;
        }

        var list = new ElfDynamicEntry[raw.Count];
        for (var i = 0; i < raw.Count; i++)
        {
            var (tag, value, at) = raw[i];
            string? text = null;
            if (tag is DT_NEEDED or DT_SONAME or DT_RPATH or DT_RUNPATH or 0x7ffffffd or 0x7fffffff)
            {
                if (strings.IsEmpty)
                    Error(ElfCodes.BadDynamic, at, $"dynamic entry {ElfNames.DynamicTag(tag)} needs a string table, but none was found");
                else
                    text = StringAt(strings.Span, value, at, $"dynamic entry {ElfNames.DynamicTag(tag)}'s string");
            }
            list[i] = new ElfDynamicEntry(tag, value, ElfNames.DynamicTag(tag), text);
        }
        return list;
    }
}
