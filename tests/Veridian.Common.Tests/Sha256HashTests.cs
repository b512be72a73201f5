using System.Text;

namespace Veridian.Common.Tests;

public sealed class Sha256HashTests
{
    /// <summary>FIPS 180-2 test vectors.</summary>
    public static TheoryData<string, string> Vectors => new()
    {
        { "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
        { "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
        { "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Bytes_streams_files_and_increments_all_give_the_standard_hash(string input, string hex)
    {
        var bytes = Encoding.ASCII.GetBytes(input);
        Assert.Equal(hex, Sha256Hash.HexOf(bytes));
        Assert.Equal(hex, Convert.ToHexStringLower(Sha256Hash.Of(bytes)));
        Assert.Equal(hex, Convert.ToHexStringLower(Sha256Hash.OfStream(new MemoryStream(bytes))));
        using var dir = new TempDir();
        File.WriteAllBytes(dir["f"], bytes);
        Assert.Equal(hex, Sha256Hash.HexOfFile(dir["f"]));
        Assert.Equal(hex, Convert.ToHexStringLower(Sha256Hash.OfFile(dir["f"])));
        using var hasher = new Sha256Hasher();
        foreach (var b in bytes)
            hasher.Append([b]);
        Assert.Equal(hex, hasher.FinishHex());
    }

    [Fact]
    public void Finishing_starts_the_hasher_over()
    {
        using var hasher = new Sha256Hasher();
        hasher.Append("junk"u8);
        hasher.Finish();
        hasher.Append("abc"u8);
        Assert.Equal(Sha256Hash.HexOf("abc"u8), hasher.FinishHex());
    }

    [Theory]
    [InlineData(new[] { "ab", "c" }, new[] { "a", "bc" })]
    [InlineData(new[] { "a", "" }, new[] { "a" })]
    [InlineData(new[] { "", "a" }, new[] { "a", "" })]
    public void Parts_are_length_prefixed_so_their_boundaries_count(string[] one, string[] other)
    {
        Assert.NotEqual(Sha256Hash.HexOfParts(one), Sha256Hash.HexOfParts(other));
        Assert.Equal(Sha256Hash.HexOfParts(one), Sha256Hash.HexOfParts([.. one]));
    }

    [Fact]
    public void Parts_hash_as_length_then_UTF8_bytes()
    {
        byte[] expected = [2, 0, 0, 0, (byte)'a', (byte)'b', 2, 0, 0, 0, 0xC3, 0xA9];
        Assert.Equal(Sha256Hash.HexOf(expected), Sha256Hash.HexOfParts(["ab", "é"]));
    }
}
