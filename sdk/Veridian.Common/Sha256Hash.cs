using System.Security.Cryptography;

namespace Veridian.Common;

/// <summary>SHA-256 of bytes, streams, files and part lists, as bytes or as lower-case hex (the SDK's one spelling of a hash).</summary>
public static class Sha256Hash
{
    /// <summary>The hash of <paramref name="bytes"/>.</summary>
    public static byte[] Of(ReadOnlySpan<byte> bytes) => SHA256.HashData(bytes);

    /// <summary>The hash of the rest of <paramref name="stream"/> (read to its end).</summary>
    public static byte[] OfStream(Stream stream) => SHA256.HashData(stream);

    /// <summary>The hash of a file's content. The file may be written or deleted meanwhile by others (a reader never blocks a writer).</summary>
    public static byte[] OfFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, FileOptions.SequentialScan);
        return SHA256.HashData(stream);
    }

    /// <summary><see cref="Of"/> as lower-case hex.</summary>
    public static string HexOf(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(Of(bytes));

    /// <summary><see cref="OfFile"/> as lower-case hex.</summary>
    public static string HexOfFile(string path) => Convert.ToHexStringLower(OfFile(path));

    /// <summary>The hash of several strings, each length-prefixed so that ("ab","c") ≠ ("a","bc"), as lower-case hex.</summary>
    public static string HexOfParts(IEnumerable<string> parts)
    {
        using var hasher = new Sha256Hasher();
        foreach (var p in parts)
            hasher.AppendPart(p);
        return hasher.FinishHex();
    }
}
