namespace Veridian.Pkg.IO;

/// <summary>Lower-case hex: the spelling of hashes and key ids in pkg's text formats (SHA-256 itself is <see cref="Common.Sha256Hash"/>).</summary>
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
}
