using System.Security.Cryptography;

namespace Veridian.Pkg.IO;

/// <summary>Lower-case hex and SHA-256 helpers.</summary>
public static class Hex
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>Parses exactly <paramref name="length"/> bytes of hex, or returns null.</summary>
    public static byte[]? TryParse(string text, int length)
    {
        if (text.Length != length * 2)
            return null;
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
                return null;
        }
        return Convert.FromHexString(text);
    }

    public static byte[] Sha256(ReadOnlySpan<byte> data) => SHA256.HashData(data);

    /// <summary>SHA-256 of a file's content.</summary>
    public static byte[] Sha256File(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return SHA256.HashData(stream);
    }
}
