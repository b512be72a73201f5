using System.Security.Cryptography;
using System.Text;

namespace Veridian.Build.Cache;

/// <summary>SHA-256 as lowercase hex, for file contents and action keys.</summary>
public static class Hashing
{
    public static string OfFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public static string OfBytes(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The hash of several strings, each length-prefixed so that ("ab","c") ≠ ("a","bc").</summary>
    public static string OfParts(IEnumerable<string> parts)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> len = stackalloc byte[4];
        foreach (var p in parts)
        {
            var bytes = Encoding.UTF8.GetBytes(p);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(len, bytes.Length);
            h.AppendData(len);
            h.AppendData(bytes);
        }
        return Convert.ToHexStringLower(h.GetHashAndReset());
    }
}
