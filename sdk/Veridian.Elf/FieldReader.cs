using System.Buffers.Binary;

namespace Veridian.Elf;

/// <summary>Reads fixed-size fields of one ELF structure in the file's byte order; the caller has checked the span's length.</summary>
internal readonly ref struct FieldReader(ReadOnlySpan<byte> span, bool bigEndian)
{
    private readonly ReadOnlySpan<byte> _span = span;

    public byte U8(int offset) => _span[offset];

    public ushort U16(int offset) => bigEndian
        ? BinaryPrimitives.ReadUInt16BigEndian(_span[offset..])
        : BinaryPrimitives.ReadUInt16LittleEndian(_span[offset..]);

    public uint U32(int offset) => bigEndian
        ? BinaryPrimitives.ReadUInt32BigEndian(_span[offset..])
        : BinaryPrimitives.ReadUInt32LittleEndian(_span[offset..]);

    public ulong U64(int offset) => bigEndian
        ? BinaryPrimitives.ReadUInt64BigEndian(_span[offset..])
        : BinaryPrimitives.ReadUInt64LittleEndian(_span[offset..]);

    /// <summary>An address- or offset-sized field: 4 bytes in ELF32, 8 in ELF64.</summary>
    public ulong Word(int offset, bool is64) => is64 ? U64(offset) : U32(offset);
}
