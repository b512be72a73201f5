namespace Veridian.Common;

/// <summary>
/// The LLVM bitcode magic (LLVM's BitCodeFormat: "Magic Numbers" and "Bitcode Wrapper Format"): raw bitcode starts
/// <c>BC 0xC0DE</c>, i.e. the bytes <c>42 43 C0 DE</c>; the wrapper (used by Darwin tools, accepted by every
/// LLVM reader) starts with the 32-bit little-endian magic <c>0x0B17C0DE</c>, i.e. <c>DE C0 17 0B</c>.
/// </summary>
public static class Bitcode
{
    /// <summary>True when <paramref name="bytes"/> start with either form of the magic.</summary>
    public static bool HasMagic(ReadOnlySpan<byte> bytes) =>
        bytes is [(byte)'B', (byte)'C', 0xC0, 0xDE, ..] or [0xDE, 0xC0, 0x17, 0x0B, ..];

    /// <summary>True when the file at <paramref name="path"/> exists and starts with the magic.</summary>
    public static bool IsBitcodeFile(string path)
    {
        if (!File.Exists(path))
            return false;
        Span<byte> magic = stackalloc byte[4];
        using var f = File.OpenRead(path);
        return f.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false) == magic.Length && HasMagic(magic);
    }
}
