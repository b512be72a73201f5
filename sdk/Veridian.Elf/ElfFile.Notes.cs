using System.Text;
using static Veridian.Elf.ElfConstants;

namespace Veridian.Elf;

public sealed partial class ElfFile
{
    private readonly Lazy<IReadOnlyList<ElfNote>> _notes;

    /// <summary>
    /// Every note: from the SHT_NOTE sections when the file has section headers, otherwise from the PT_NOTE
    /// segments (a stripped-of-sections image still carries its build-id and PVH entry there).
    /// </summary>
    public IReadOnlyList<ElfNote> Notes => _notes.Value;

    /// <summary>The GNU build-id in lower-case hex, or null.</summary>
    public string? BuildId => Notes.Select(n => n.BuildId).FirstOrDefault(b => b is not null);

    /// <summary>The GNU ABI tag (e.g. <c>Linux 3.7.0</c>), or null.</summary>
    public string? AbiTag => Notes.Select(n => n.AbiTag).FirstOrDefault(t => t is not null);

    /// <summary>The Xen/PVH entry point (XEN_ELFNOTE_PHYS32_ENTRY), or null.</summary>
    public ulong? PvhEntry => Notes.Select(n => n.PvhEntry).FirstOrDefault(e => e is not null);

    private IReadOnlyList<ElfNote> ReadNotes()
    {
        var list = new List<ElfNote>();
        if (Sections.Count > 0)
        {
            foreach (var s in Sections)
            {
                if (s.Type == SHT_NOTE)
                    DecodeNotes(TableData(s), (long)s.Offset, s.AddressAlign == 8 ? 8 : 4, s.Name, list);
            }
        }
        else
        {
            foreach (var p in Segments)
            {
                if (p.Type == PT_NOTE)
                    DecodeNotes(TableData(p), (long)p.Offset, p.Align == 8 ? 8 : 4, null, list);
            }
        }
        return list;
    }

    /// <summary>Elf_Nhdr: namesz, descsz, type; the name and descriptor are each padded to the note alignment.</summary>
    private void DecodeNotes(ReadOnlyMemory<byte> data, long baseOffset, int align, string? sectionName, List<ElfNote> into)
    {
        var span = data.Span;
        long pos = 0;
        // Every note advances at least 12 bytes, so the loop ends within data.Length / 12 steps.
        while (span.Length - pos >= 12)
        {
            var r = new FieldReader(span.Slice((int)pos, 12), _big);
            var namesz = r.U32(0);
            var descsz = r.U32(4);
            var type = r.U32(8);
            var nameStart = pos + 12;
            var descStart = Align(nameStart + namesz, align);
            var end = Align(descStart + descsz, align);
            if (namesz > span.Length - nameStart || descStart + descsz > span.Length)
            {
                Error(ElfCodes.BadNote, baseOffset + pos,
                    $"note at 0x{baseOffset + pos:x}{(sectionName is null ? "" : $" in '{sectionName}'")} (namesz {namesz}, descsz {descsz}) runs past its {(sectionName is null ? "segment" : "section")}");
                return;
            }
            var nameBytes = span.Slice((int)nameStart, (int)namesz);
            var nul = nameBytes.IndexOf((byte)0);
            var owner = Encoding.UTF8.GetString(nul >= 0 ? nameBytes[..nul] : nameBytes);
            into.Add(new ElfNote(owner, type, data.Slice((int)descStart, (int)descsz), baseOffset + pos, sectionName, _big, _is64));
            pos = Math.Min(end, span.Length);
        }
    }

    private static long Align(long value, int align) => (value + align - 1) / align * align;
}
