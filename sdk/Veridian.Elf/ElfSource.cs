namespace Veridian.Elf;

/// <summary>
/// Where the bytes of an ELF file come from: memory (a byte array or <see cref="ReadOnlyMemory{T}"/>, sliced
/// without copying) or a seekable stream (read on demand, so a large file is never loaded whole).
/// Every read is bounds-checked against <see cref="Length"/>.
/// </summary>
internal abstract class ElfSource
{
    public abstract long Length { get; }

    /// <summary>True when [offset, offset + size) lies inside the input (no overflow).</summary>
    public bool Contains(ulong offset, ulong size) => offset <= (ulong)Length && size <= (ulong)Length - offset;

    /// <summary>The bytes at [offset, offset + count), or false when out of range or unreadable.</summary>
    public abstract bool TryGet(ulong offset, ulong count, out ReadOnlyMemory<byte> bytes);
}

internal sealed class MemorySource(ReadOnlyMemory<byte> data) : ElfSource
{
    public override long Length => data.Length;

    public override bool TryGet(ulong offset, ulong count, out ReadOnlyMemory<byte> bytes)
    {
        if (!Contains(offset, count))
        {
            bytes = default;
            return false;
        }
        bytes = data.Slice((int)offset, (int)count);
        return true;
    }
}

/// <summary>A seekable stream; reads are serialised so lazy members can be used from several threads.</summary>
internal sealed class StreamSource : ElfSource
{
    private readonly Stream _stream;
    private readonly long _length;
    private readonly Lock _lock = new();

    public StreamSource(Stream stream)
    {
        _stream = stream;
        _length = stream.Length;
    }

    public override long Length => _length;

    /// <summary>Largest single read (a section or table); anything bigger is reported instead of allocated.</summary>
    public const ulong MaxRead = int.MaxValue - 64;

    public override bool TryGet(ulong offset, ulong count, out ReadOnlyMemory<byte> bytes)
    {
        bytes = default;
        if (!Contains(offset, count) || count > MaxRead)
            return false;
        var buffer = new byte[count];
        lock (_lock)
        {
            try
            {
                _stream.Position = (long)offset;
                _stream.ReadExactly(buffer);
            }
            catch (IOException)
            {
                return false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
        bytes = buffer;
        return true;
    }
}
