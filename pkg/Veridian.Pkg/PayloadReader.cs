using Veridian.Common;
using Veridian.Diagnostics;
using Veridian.Pkg.Format;
using Veridian.Pkg.IO;
using ZstdSharp;

namespace Veridian.Pkg;

/// <summary>
/// Reads a verified package's payload: first the compressed bytes are hashed against the signed head
/// (nothing unauthenticated is decompressed), then the zstd stream is decompressed file by file, each
/// file hashed against its entry, and decompression stops at the signed content size.
/// </summary>
public sealed class PayloadReader : IDisposable
{
    private const int Chunk = 1 << 17;
    private readonly Package _package;
    private readonly FileStream _file;

    private PayloadReader(Package package, FileStream file)
    {
        _package = package;
        _file = file;
    }

    public static PayloadReader Open(Package package)
    {
        var fs = new FileStream(package.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            if (fs.Length != package.Head.TotalSize)
                throw DiagnosticException.Error(PkgCodes.NotAPackage, "the package changed size since it was opened", new SourceLocation(package.Path));
            var reader = new PayloadReader(package, fs);
            reader.CheckPayloadHash();
            return reader;
        }
        catch
        {
            fs.Dispose();
            throw;
        }
    }

    private void CheckPayloadHash()
    {
        _file.Position = _package.Head.PayloadStart;
        var hash = Sha256Hash.OfStream(new BoundedStream(_file, _package.Head.PayloadSize));
        if (hash.AsSpan().SequenceEqual(_package.Head.PayloadSha256))
            return;
        // The head is authenticated, so decompressing up to its signed content size is bounded; do it
        // only to name the first damaged file in the message.
        string detail;
        try
        {
            ReadAll(_ => null);
            detail = "";
        }
        catch (DiagnosticException e)
        {
            detail = $"; {e.Diagnostic.Message}";
        }
        throw DiagnosticException.Error(PkgCodes.PayloadHashMismatch, "the payload does not match the hash in the signed head" + detail,
            new SourceLocation(_package.Path), "the package was tampered with or truncated");
    }

    /// <summary>
    /// Decompresses every file in table order; <paramref name="open"/> gives where to write each file's
    /// bytes (or null to only check) and <paramref name="close"/> is called once a file's bytes are written,
    /// also when reading failed. Throws VDN6013 naming a file whose hash differs, VDN6014 for a bad stream.
    /// </summary>
    public void ReadAll(Func<Entry, Stream?> open, Action<Entry, Stream>? close = null)
    {
        var where = new SourceLocation(_package.Path);
        _file.Position = _package.Head.PayloadStart;
        var compressed = new BoundedStream(_file, _package.Head.PayloadSize);
        using var zstd = new DecompressionStream(compressed, Chunk, checkEndOfStream: false, leaveOpen: true);
        var buffer = new byte[Chunk];
        using var sha = new Sha256Hasher();
        foreach (var entry in _package.Entries)
        {
            if (entry.Type != EntryType.File)
                continue;
            var output = open(entry);
            var remaining = entry.Size;
            try
            {
                while (remaining > 0)
                {
                    int n;
                    try
                    {
                        n = zstd.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining));
                    }
                    catch (Exception e) when (e is ZstdException or EndOfStreamException or IOException)
                    {
                        throw DiagnosticException.Error(PkgCodes.BadPayload, $"the payload is not a valid zstd stream (at '{entry.Path}'): {e.Message}", where);
                    }
                    if (n == 0)
                        throw DiagnosticException.Error(PkgCodes.BadPayload, $"the payload ends inside '{entry.Path}'", where);
                    sha.Append(buffer.AsSpan(0, n));
                    output?.Write(buffer, 0, n);
                    remaining -= n;
                }
            }
            finally
            {
                if (output is not null)
                    close?.Invoke(entry, output);
            }
            var actual = sha.Finish();
            if (!actual.AsSpan().SequenceEqual(entry.Sha256))
                throw DiagnosticException.Error(PkgCodes.FileHashMismatch, $"'{entry.Path}' does not match its hash in the entry table", where);
        }
        int extra;
        try
        {
            extra = zstd.Read(buffer, 0, 1);
        }
        catch (Exception e) when (e is ZstdException or EndOfStreamException or IOException)
        {
            throw DiagnosticException.Error(PkgCodes.BadPayload, $"the payload is not a valid zstd stream after the last file: {e.Message}", where);
        }
        if (extra != 0)
            throw DiagnosticException.Error(PkgCodes.BadPayload, "the payload decompresses to more bytes than the entry table declares", where);
    }

    public void Dispose() => _file.Dispose();
}
