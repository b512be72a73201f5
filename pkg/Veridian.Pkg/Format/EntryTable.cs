using System.Buffers.Binary;
using System.Text;
using Veridian.Diagnostics;

namespace Veridian.Pkg.Format;

/// <summary>Encodes and decodes the entry table (docs/pkg-format.md, Entry table).</summary>
public static class EntryTable
{
    private const int FixedSize = 1 + 1 + 2 + 2 + 2 + 8 + 32;

    /// <summary>Orders paths as the table does: ordinal order of their UTF-8 bytes (same as ordinal UTF-16 order for BMP text, so compare bytes).</summary>
    public static int ComparePaths(string a, string b) =>
        Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b));

    public static byte[] Encode(IReadOnlyList<Entry> entries)
    {
        using var ms = new MemoryStream();
        Span<byte> fixedPart = stackalloc byte[FixedSize];
        Span<byte> count = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(count, (uint)entries.Count);
        ms.Write(count);
        foreach (var e in entries)
        {
            var path = Encoding.UTF8.GetBytes(e.Path);
            var link = e.LinkTarget is null ? [] : Encoding.UTF8.GetBytes(e.LinkTarget);
            fixedPart.Clear();
            fixedPart[0] = (byte)e.Type;
            BinaryPrimitives.WriteUInt16LittleEndian(fixedPart[2..], (ushort)e.Mode);
            BinaryPrimitives.WriteUInt16LittleEndian(fixedPart[4..], (ushort)path.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(fixedPart[6..], (ushort)link.Length);
            BinaryPrimitives.WriteUInt64LittleEndian(fixedPart[8..], (ulong)e.Size);
            e.Sha256.CopyTo(fixedPart[16..]);
            ms.Write(fixedPart);
            ms.Write(path);
            ms.Write(link);
        }
        return ms.ToArray();
    }

    /// <summary>
    /// Decodes and checks the table's own structure: sizes, types, modes, order, path rules, caps. Throws
    /// a <see cref="DiagnosticException"/> naming the first problem.
    /// </summary>
    public static IReadOnlyList<Entry> Decode(ReadOnlySpan<byte> data, PackageLimits limits, string file)
    {
        if (data.Length < 4)
            throw Bad(file, "entry table is shorter than its count field");
        var count = BinaryPrimitives.ReadUInt32LittleEndian(data);
        if (count > (uint)limits.MaxEntries)
            throw DiagnosticException.Error(PkgCodes.LimitExceeded, $"{count} entries exceed the cap of {limits.MaxEntries}", new SourceLocation(file));
        var entries = new List<Entry>((int)count);
        var pos = 4;
        long total = 0;
        var utf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
        for (var i = 0; i < count; i++)
        {
            if (data.Length - pos < FixedSize)
                throw Bad(file, $"entry {i} is truncated");
            var f = data.Slice(pos, FixedSize);
            var typeByte = f[0];
            if (f[1] != 0)
                throw Bad(file, $"entry {i} has a non-zero reserved byte");
            int mode = BinaryPrimitives.ReadUInt16LittleEndian(f[2..]);
            int pathLen = BinaryPrimitives.ReadUInt16LittleEndian(f[4..]);
            int linkLen = BinaryPrimitives.ReadUInt16LittleEndian(f[6..]);
            var size = BinaryPrimitives.ReadUInt64LittleEndian(f[8..]);
            var sha = f.Slice(16, 32).ToArray();
            pos += FixedSize;
            if (data.Length - pos < pathLen + linkLen)
                throw Bad(file, $"entry {i}'s path runs past the table");
            string path, link;
            try
            {
                path = utf8.GetString(data.Slice(pos, pathLen));
                link = utf8.GetString(data.Slice(pos + pathLen, linkLen));
            }
            catch (DecoderFallbackException)
            {
                throw DiagnosticException.Error(PkgCodes.UnsafePath, $"entry {i}'s path or link target is not valid UTF-8", new SourceLocation(file));
            }
            pos += pathLen + linkLen;
            PathRules.CheckPath(path, limits, file);
            if ((mode & 0xE00) != 0)
                throw DiagnosticException.Error(PkgCodes.ForbiddenEntry, $"'{path}' has a setuid, setgid or sticky bit (mode {Convert.ToString(mode, 8)})", new SourceLocation(file));
            Entry entry;
            switch (typeByte)
            {
                case (byte)EntryType.File:
                    if (mode is not (0x1A4 or 0x1ED) || linkLen != 0)
                        throw Bad(file, $"file '{path}' has mode {Convert.ToString(mode, 8)} (0644 or 0755 expected) or a link target");
                    if (size > (ulong)limits.MaxContentBytes)
                        throw DiagnosticException.Error(PkgCodes.LimitExceeded, $"'{path}' declares {size} bytes, over the cap of {limits.MaxContentBytes}", new SourceLocation(file));
                    total += (long)size;
                    if (total > limits.MaxContentBytes)
                        throw DiagnosticException.Error(PkgCodes.LimitExceeded, $"the files total more than the cap of {limits.MaxContentBytes} bytes", new SourceLocation(file));
                    entry = new Entry(path, EntryType.File, mode, (long)size, sha, null);
                    break;
                case (byte)EntryType.Directory:
                    if (mode != 0x1ED || size != 0 || linkLen != 0 || sha.AsSpan().ContainsAnyExcept((byte)0))
                        throw Bad(file, $"directory '{path}' has a mode other than 0755, a size, a hash or a link target");
                    entry = Entry.Dir(path);
                    break;
                case (byte)EntryType.Symlink:
                    if (mode != 0x1FF || size != 0 || sha.AsSpan().ContainsAnyExcept((byte)0))
                        throw Bad(file, $"symlink '{path}' has a mode other than 0777, a size or a hash");
                    PathRules.CheckLinkTarget(path, link, file);
                    entry = Entry.Link(path, link);
                    break;
                default:
                    throw DiagnosticException.Error(PkgCodes.ForbiddenEntry,
                        $"'{path}' has entry type {typeByte}; only files, directories and symlinks may be packaged (no devices, FIFOs, sockets)", new SourceLocation(file));
            }
            if (entries.Count > 0)
            {
                var order = ComparePaths(entries[^1].Path, path);
                if (order == 0)
                    throw DiagnosticException.Error(PkgCodes.DuplicatePath, $"'{path}' appears twice", new SourceLocation(file));
                if (order > 0)
                    throw Bad(file, $"entries are not sorted ('{entries[^1].Path}' before '{path}')");
            }
            entries.Add(entry);
        }
        if (pos != data.Length)
            throw Bad(file, $"{data.Length - pos} bytes follow the last entry");
        PathRules.CheckTree(entries, file);
        return entries;
    }

    private static DiagnosticException Bad(string file, string message) =>
        DiagnosticException.Error(PkgCodes.BadEntries, message, new SourceLocation(file), "the package is damaged or was not written by 'veridian pkg build'");
}
