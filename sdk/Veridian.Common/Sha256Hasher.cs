using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Veridian.Common;

/// <summary>An incremental SHA-256: append bytes as they stream past, then finish (which also resets it for the next input).</summary>
public sealed class Sha256Hasher : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>Adds bytes.</summary>
    public void Append(ReadOnlySpan<byte> bytes) => _hash.AppendData(bytes);

    /// <summary>Adds a string as its UTF-8 length (32-bit little-endian) then its UTF-8 bytes, so part boundaries are part of the hash.</summary>
    public void AppendPart(string part)
    {
        var bytes = Encoding.UTF8.GetBytes(part);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        _hash.AppendData(length);
        _hash.AppendData(bytes);
    }

    /// <summary>The hash of everything appended since the last finish; the hasher starts over.</summary>
    public byte[] Finish() => _hash.GetHashAndReset();

    /// <summary><see cref="Finish"/> as lower-case hex.</summary>
    public string FinishHex() => Convert.ToHexStringLower(Finish());

    public void Dispose() => _hash.Dispose();
}
