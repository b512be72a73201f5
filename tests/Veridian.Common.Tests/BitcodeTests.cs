namespace Veridian.Common.Tests;

public sealed class BitcodeTests
{
    /// <summary>(first bytes, is bitcode): both forms of the magic, and near misses.</summary>
    public static TheoryData<byte[], bool> Cases => new()
    {
        { [0x42, 0x43, 0xC0, 0xDE], true },                         // raw: 'B' 'C' 0xC0DE
        { [0x42, 0x43, 0xC0, 0xDE, 0x35, 0x14, 0x00, 0x00], true }, // raw, as clang writes it
        { [0xDE, 0xC0, 0x17, 0x0B], true },                         // wrapper 0x0B17C0DE, little-endian
        { [0xDE, 0xC0, 0x17, 0x0B, 0x00, 0x00, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00], true },
        { [0x0B, 0x17, 0xC0, 0xDE], false },                        // the wrapper magic in the wrong byte order
        { [0xDE, 0xC0, 0x43, 0x42], false },                        // the raw magic reversed
        { [0x42, 0x43, 0xC0], false },                              // too short
        { [0x42, 0x43], false },
        { [], false },
        { [0x7F, 0x45, 0x4C, 0x46], false },                        // ELF
        { "; ModuleID = 'x'"u8.ToArray(), false },                  // LLVM IR text
        { [0x42, 0x43, 0xC0, 0xDF], false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_magic_is_recognised_in_both_forms_and_nothing_else(byte[] bytes, bool expected)
    {
        Assert.Equal(expected, Bitcode.HasMagic(bytes));
        using var dir = new TempDir();
        File.WriteAllBytes(dir["f"], bytes);
        Assert.Equal(expected, Bitcode.IsBitcodeFile(dir["f"]));
    }

    [Fact]
    public void A_missing_file_is_not_bitcode()
    {
        Assert.False(Bitcode.IsBitcodeFile("/nonexistent/x.bc"));
    }
}
