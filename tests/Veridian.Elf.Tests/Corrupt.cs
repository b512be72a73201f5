using System.Buffers.Binary;

namespace Veridian.Elf.Tests;

/// <summary>Byte surgery on a copy of a fixture, at offsets found with the reader itself on the pristine file.</summary>
internal static class Corrupt
{
    public static byte[] Patch(byte[] original, long offset, ulong value, int size)
    {
        var b = (byte[])original.Clone();
        var span = b.AsSpan((int)offset, size);
        switch (size)
        {
            case 1: span[0] = (byte)value; break;
            case 2: BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)value); break;
            case 4: BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)value); break;
            default: BinaryPrimitives.WriteUInt64LittleEndian(span, value); break;
        }
        return b;
    }

    /// <summary>The file offset of a field of an ELF64 section header (name 0, type 4, offset 24, size 32, link 40, entsize 56).</summary>
    public static long SectionField(byte[] bytes, string section, int field)
    {
        var f = ElfFile.Read(bytes);
        var s = f.FindSection(section) ?? throw new InvalidOperationException($"no section {section}");
        return (long)f.Header.SectionHeaderOffset + s.Index * 64L + field;
    }

    public static long SectionFieldOfType(byte[] bytes, uint type, int field)
    {
        var f = ElfFile.Read(bytes);
        var s = f.Sections.First(x => x.Type == type);
        return (long)f.Header.SectionHeaderOffset + s.Index * 64L + field;
    }

    /// <summary>The file offset of a field of an ELF64 symbol (name 0, shndx 6) of <c>.symtab</c>.</summary>
    public static long SymbolField(byte[] bytes, string symbol, int field)
    {
        var f = ElfFile.Read(bytes);
        var table = f.FindSection(".symtab")!;
        var sym = f.Symbols.First(s => s.Name == symbol);
        return (long)table.Offset + sym.Index * 24L + field;
    }

    public static long SectionData(byte[] bytes, string section, long delta = 0) =>
        (long)ElfFile.Read(bytes).FindSection(section)!.Offset + delta;
}
