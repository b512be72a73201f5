using System.Text;
using static Veridian.Elf.ElfConstants;

namespace Veridian.Elf;

public sealed partial class ElfFile
{
    /// <summary>Names longer than this are reported (VDN5012) rather than decoded.</summary>
    public const int MaxNameLength = 64 * 1024;

    private long _tableBytes;
    private long _stringBytes;
    private int _limitReported;

    /// <summary>
    /// Work budget: a hostile file can point thousands of section headers (or names) at the same large region, so
    /// decoding each one would multiply a small input into gigabytes. Tables and names together may decode at most
    /// this many bytes; past it, decoding stops with one VDN5091.
    /// </summary>
    private long Budget => 16 * Length + (16 << 20);

    private bool Charge(ref long counter, ulong bytes, long at)
    {
        var total = Interlocked.Add(ref counter, (long)Math.Min(bytes, (ulong)int.MaxValue));
        if (total <= Budget)
            return true;
        if (Interlocked.Exchange(ref _limitReported, 1) == 0)
            Error(ElfCodes.WorkLimit, at, $"the file's tables and names overlap so much that decoding them would read more than {Budget} bytes; the rest is not decoded",
                "the file is corrupt or crafted; real files decode in about their own size");
        return false;
    }

    /// <summary>A table section's bytes, charged against the work budget (RELR entries expand up to 8-fold).</summary>
    private ReadOnlyMemory<byte> TableData(ElfSection s) =>
        s.IsNoBits || !Charge(ref _tableBytes, s.Type == SHT_RELR ? s.Size * 8 : s.Size, SectionHeaderOffsetOf(s))
            ? ReadOnlyMemory<byte>.Empty
            : GetSectionData(s);

    private ReadOnlyMemory<byte> TableData(ElfSegment p) =>
        Charge(ref _tableBytes, p.FileSize, (long)Math.Min(Header.ProgramHeaderOffset + (ulong)p.Index * (ulong)ProgramHeaderSize, long.MaxValue))
            ? GetSegmentData(p)
            : ReadOnlyMemory<byte>.Empty;

    /// <summary>A NUL-terminated string at <paramref name="offset"/> in a string table, or null (reported) when out of range.</summary>
    private string? StringAt(ReadOnlySpan<byte> table, ulong offset, long reportAt, string what)
    {
        if (offset >= (ulong)table.Length)
        {
            Error(ElfCodes.BadString, reportAt, $"{what} is at offset {offset} of a string table of {table.Length} bytes");
            return null;
        }
        var rest = table[(int)offset..];
        // The scan is bounded, so many names pointing into one long unterminated run cost little each.
        var window = rest[..Math.Min(rest.Length, MaxNameLength + 1)];
        var end = window.IndexOf((byte)0);
        if (end < 0)
        {
            Error(ElfCodes.BadString, reportAt, window.Length < rest.Length
                ? $"{what} (offset {offset}) is longer than {MaxNameLength} bytes"
                : $"{what} (offset {offset}) is not NUL-terminated inside its string table");
            return null;
        }
        if (end == 0)
            return "";
        if (!Charge(ref _stringBytes, (ulong)end, reportAt))
            return "";
        return Encoding.UTF8.GetString(rest[..end]);
    }
}
