using System.Buffers.Binary;

namespace Veridian.Elf;

/// <summary>
/// One note (<c>Elf_Nhdr</c> + name + descriptor) from an SHT_NOTE section or a PT_NOTE segment.
/// <see cref="Offset"/> is the file offset of the note header.
/// </summary>
public sealed record ElfNote(string Owner, uint Type, ReadOnlyMemory<byte> Descriptor, long Offset, string? SectionName, bool BigEndian, bool Is64)
{
    /// <summary>The type as readelf names it for this owner (e.g. <c>NT_GNU_BUILD_ID</c>), or its number in hex.</summary>
    public string TypeName => ElfNames.NoteType(Owner, Type);

    /// <summary>The GNU build-id in lower-case hex, when this is an NT_GNU_BUILD_ID note.</summary>
    public string? BuildId => Owner == "GNU" && Type == ElfConstants.NT_GNU_BUILD_ID && Descriptor.Length > 0
        ? Convert.ToHexStringLower(Descriptor.Span)
        : null;

    /// <summary>The ABI tag (<c>NT_GNU_ABI_TAG</c>): OS and minimum kernel version, e.g. <c>Linux 3.7.0</c>.</summary>
    public string? AbiTag
    {
        get
        {
            if (Owner != "GNU" || Type != ElfConstants.NT_GNU_ABI_TAG || Descriptor.Length < 16)
                return null;
            var d = Descriptor.Span;
            var os = U32(d) switch
            {
                0 => "Linux",
                1 => "Hurd",
                2 => "Solaris",
                3 => "FreeBSD",
                4 => "NetBSD",
                5 => "Syllable",
                var n => $"OS {n}",
            };
            return $"{os} {U32(d[4..])}.{U32(d[8..])}.{U32(d[12..])}";
        }
    }

    /// <summary>The Xen/PVH 32-bit entry point (owner <c>Xen</c>, type 18, XEN_ELFNOTE_PHYS32_ENTRY), used by
    /// QEMU's <c>-kernel</c> to boot an x86_64 ELF kernel.</summary>
    public ulong? PvhEntry
    {
        get
        {
            if (Owner != "Xen" || Type != ElfConstants.XEN_ELFNOTE_PHYS32_ENTRY)
                return null;
            var d = Descriptor.Span;
            return d.Length switch
            {
                >= 8 => BigEndian ? BinaryPrimitives.ReadUInt64BigEndian(d) : BinaryPrimitives.ReadUInt64LittleEndian(d),
                >= 4 => U32(d),
                _ => null,
            };
        }
    }

    /// <summary>The GNU properties (<c>NT_GNU_PROPERTY_TYPE_0</c>) as (type, value) pairs; values wider than 4 bytes are truncated.</summary>
    public IReadOnlyList<(uint Type, uint Value)> GnuProperties
    {
        get
        {
            if (Owner != "GNU" || Type != ElfConstants.NT_GNU_PROPERTY_TYPE_0)
                return [];
            var list = new List<(uint, uint)>();
            var d = Descriptor.Span;
            var align = Is64 ? 8 : 4;
            var pos = 0;
            // Each property is pr_type, pr_datasz, then data padded to the word size; every step advances >= 8 bytes.
            while (d.Length - pos >= 8)
            {
                var type = U32(d[pos..]);
                var size = U32(d[(pos + 4)..]);
                pos += 8;
                if (size > (uint)(d.Length - pos))
                    break;
                list.Add((type, size >= 4 ? U32(d[pos..]) : 0));
                var padded = ((long)size + align - 1) / align * align;
                if (padded > d.Length - pos)
                    break;
                pos += (int)padded;
            }
            return list;
        }
    }

    private uint U32(ReadOnlySpan<byte> d) => BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(d) : BinaryPrimitives.ReadUInt32LittleEndian(d);
}
