using Veridian.Common;
using Veridian.Diagnostics;
using Veridian.Pkg.Crypto;
using Veridian.Pkg.Format;
using Veridian.Pkg.IO;
using ZstdSharp;

namespace Veridian.Pkg;

/// <summary>
/// Builds a .vpkg from a staging directory, reproducibly: entries sorted by path bytes, modes normalised
/// (0644/0755 files, 0755 directories), no owners or times; the same tree gives the same bytes whatever
/// the directory, clock, umask or creation order.
/// </summary>
public static class PackageBuilder
{
    public const int DefaultLevel = 9;

    /// <summary>Builds <paramref name="output"/> (written atomically). Signs it when <paramref name="secretKey"/> is given.</summary>
    public static PackageHead Build(string stagingDir, Manifest manifest, string output, (byte[] Secret, PublicKey Public)? secretKey = null,
        int level = DefaultLevel, PackageLimits? limits = null)
    {
        limits ??= PackageLimits.Default;
        if (!Directory.Exists(stagingDir))
            throw DiagnosticException.Error(CliCodes.FileNotFound, $"staging directory '{stagingDir}' does not exist");
        var root = Path.GetFullPath(stagingDir);
        var outFull = Path.GetFullPath(output);
        if (outFull.StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal))
            throw DiagnosticException.Error(PkgCodes.BadBuildInput, $"the output '{output}' is inside the staging directory '{stagingDir}'",
                hint: "write the package outside the tree it packages, or it would package itself");
        var entries = Scan(root);
        var entryBytes = EntryTable.Encode(entries);
        // Re-read what we wrote with the reader's rules, so a package this builder makes always verifies.
        EntryTable.Decode(entryBytes, limits, stagingDir);
        var manifestBytes = manifest.Encode();
        Manifest.Decode(manifestBytes, "manifest");

        var outDir = Path.GetDirectoryName(outFull)!;
        Directory.CreateDirectory(outDir);
        var payloadTemp = AtomicFile.TempBeside(outFull);
        try
        {
            long payloadSize;
            byte[] payloadHash;
            var fileEntries = new List<Entry>();
            using (var payload = new FileStream(payloadTemp, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                using (var zstd = new CompressionStream(payload, level, leaveOpen: true))
                {
                    foreach (var e in entries)
                    {
                        if (e.Type == EntryType.File)
                            CopyChecked(Path.Combine(root, e.Path), e, zstd);
                    }
                }
                payloadSize = payload.Length;
                payload.Position = 0;
                payloadHash = Sha256Hash.OfStream(payload);
            }
            var head = new PackageHead
            {
                ManifestSize = manifestBytes.Length, EntriesSize = entryBytes.Length, PayloadSize = payloadSize,
                ContentSize = entries.Where(e => e.Type == EntryType.File).Sum(e => e.Size),
                ManifestSha256 = Sha256Hash.Of(manifestBytes), EntriesSha256 = Sha256Hash.Of(entryBytes), PayloadSha256 = payloadHash,
                Target = manifest.Target,
            };
            if (head.ContentSize / Math.Max(1, payloadSize) > limits.MaxCompressionRatio)
                throw DiagnosticException.Error(PkgCodes.LimitExceeded,
                    $"the content compresses {head.ContentSize / payloadSize}:1, over the cap of {limits.MaxCompressionRatio}:1 that readers enforce", hint: "lower the compression level or add less repetitive data");
            var (headBytes, signatureBlock) = SignedHead(head, secretKey);
            AtomicFile.Write(outFull, temp =>
            {
                using (var fs = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    fs.Write(headBytes);
                    fs.Write(signatureBlock);
                    fs.Write(manifestBytes);
                    fs.Write(entryBytes);
                    using var payload = new FileStream(payloadTemp, FileMode.Open, FileAccess.Read, FileShare.None, 1 << 16);
                    payload.CopyTo(fs);
                }
                File.SetUnixFileMode(temp, FileModes.Public);
            }, Durability.Flush);
            return head with { KeyId = secretKey?.Public.Id ?? new byte[32] };
        }
        finally
        {
            File.Delete(payloadTemp);
        }
    }

    /// <summary>Signs (or re-signs) a package in place, atomically. Only the head's key id and the signature block change.</summary>
    public static void Sign(string path, (byte[] Secret, PublicKey Public) key, PackageLimits? limits = null)
    {
        var package = Package.Open(path, limits);
        package.ReadUnverified(limits);
        var (headBytes, signatureBlock) = SignedHead(package.Head, key);
        var full = Path.GetFullPath(path);
        AtomicFile.Write(full, temp =>
        {
            File.Copy(full, temp, overwrite: true);
            using var fs = new FileStream(temp, FileMode.Open, FileAccess.Write, FileShare.None);
            fs.Write(headBytes);
            fs.Write(signatureBlock);
        }, Durability.Flush);
    }

    private static (byte[] Head, byte[] SignatureBlock) SignedHead(PackageHead head, (byte[] Secret, PublicKey Public)? key)
    {
        var headBytes = (head with { KeyId = key?.Public.Id ?? new byte[32] }).Encode();
        var block = new byte[PackageHead.SignatureBlockSize];
        if (key is { } k)
            Ed25519Keys.Sign(k.Secret, PackageHead.SignedMessage(headBytes)).CopyTo(block, 0);
        Sha256Hash.Of(headBytes).CopyTo(block, PackageHead.SignatureSize);
        return (headBytes, block);
    }

    /// <summary>Every file, directory and symlink under <paramref name="root"/>, sorted, with normalised modes and hashes.</summary>
    internal static List<Entry> Scan(string root)
    {
        var entries = new List<Entry>();
        var pending = new Stack<string>();
        pending.Push("");
        while (pending.Count > 0)
        {
            var rel = pending.Pop();
            var dir = rel.Length == 0 ? root : Path.Combine(root, rel);
            foreach (var full in Directory.EnumerateFileSystemEntries(dir))
            {
                var name = Path.GetFileName(full);
                var path = rel.Length == 0 ? name : rel + "/" + name;
                var info = Posix.Lstat(full);
                if ((info.Mode & 0xE00) != 0 && info.Kind != NodeKind.Symlink)
                    throw DiagnosticException.Error(PkgCodes.BadBuildInput, $"'{path}' has a setuid, setgid or sticky bit, which packages may not carry", new SourceLocation(full), "clear it with chmod");
                switch (info.Kind)
                {
                    case NodeKind.Directory:
                        entries.Add(Entry.Dir(path));
                        pending.Push(path);
                        break;
                    case NodeKind.Symlink:
                        entries.Add(Entry.Link(path, new FileInfo(full).LinkTarget!));
                        break;
                    case NodeKind.File:
                        entries.Add(Entry.FileOf(path, (info.Mode & 0x49) != 0, new FileInfo(full).Length, HashFile(full)));
                        break;
                    case NodeKind.None:
                        throw DiagnosticException.Error(PkgCodes.BadBuildInput, $"'{path}' disappeared while the package was built", new SourceLocation(full));
                    case NodeKind.Other:
                        throw DiagnosticException.Error(PkgCodes.BadBuildInput, $"'{path}' is a device, FIFO or socket; packages hold only files, directories and symlinks", new SourceLocation(full));
                }
            }
        }
        entries.Sort((a, b) => EntryTable.ComparePaths(a.Path, b.Path));
        return entries;
    }

    private static byte[] HashFile(string path)
    {
        try
        {
            return Sha256Hash.OfFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DiagnosticException.Error(PkgCodes.BadBuildInput, $"cannot read '{path}': {e.Message}", new SourceLocation(path));
        }
    }

    /// <summary>Copies a file into the compressor, checking it still has the size and hash recorded in its entry.</summary>
    private static void CopyChecked(string path, Entry entry, Stream destination)
    {
        using var sha = new Sha256Hasher();
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new byte[1 << 17];
        long total = 0;
        int n;
        while ((n = fs.Read(buffer)) > 0)
        {
            sha.Append(buffer.AsSpan(0, n));
            destination.Write(buffer, 0, n);
            total += n;
        }
        if (total != entry.Size || !sha.Finish().AsSpan().SequenceEqual(entry.Sha256))
            throw DiagnosticException.Error(PkgCodes.BadBuildInput, $"'{entry.Path}' changed while the package was built", new SourceLocation(path), "build again from a staging directory nothing else writes to");
    }
}
