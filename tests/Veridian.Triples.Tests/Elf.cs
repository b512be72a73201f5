using System.Buffers.Binary;

namespace Veridian.Triples.Tests;

/// <summary>The two ELF header fields the target database states (e_machine, e_flags) for ELF64 little-endian files.</summary>
internal static class Elf
{
    public static (int Machine, uint Flags) Header(string path)
    {
        var b = File.ReadAllBytes(path);
        Assert.True(b.Length >= 64 && b[0] == 0x7f && b[1] == (byte)'E' && b[2] == (byte)'L' && b[3] == (byte)'F', $"{path} is not ELF");
        Assert.Equal(2, b[4]); // ELFCLASS64
        Assert.Equal(1, b[5]); // ELFDATA2LSB
        return (BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(18)), BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(48)));
    }
}
