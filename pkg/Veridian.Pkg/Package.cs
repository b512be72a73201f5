using Veridian.Common;
using Veridian.Diagnostics;
using Veridian.Pkg.Crypto;
using Veridian.Pkg.Format;
using Veridian.Pkg.IO;

namespace Veridian.Pkg;

/// <summary>
/// The metadata of a package (head, signature, manifest, entry table), read from the first bytes of the
/// file only. <see cref="Verify"/> checks it against a trust store; the payload is checked separately
/// (<see cref="PayloadReader"/>), so a client can decide before reading it.
/// </summary>
public sealed class Package
{
    private Package(string path, PackageHead head, byte[] headBytes, byte[] signature, byte[] manifestBytes, byte[] entryBytes)
    {
        Path = path;
        Head = head;
        HeadBytes = headBytes;
        Signature = signature;
        ManifestBytes = manifestBytes;
        EntryBytes = entryBytes;
    }

    public string Path { get; }
    public PackageHead Head { get; }
    public byte[] HeadBytes { get; }
    public byte[] Signature { get; }
    public byte[] ManifestBytes { get; }
    public byte[] EntryBytes { get; }

    /// <summary>Set by <see cref="Verify"/> (or <see cref="ReadUnverified"/>).</summary>
    public Manifest Manifest { get; private set; } = null!;
    public IReadOnlyList<Entry> Entries { get; private set; } = [];
    public PublicKey? Signer { get; private set; }

    /// <summary>
    /// Reads the metadata region; checks the head's structure and that the file has exactly the described
    /// length. With <paramref name="metadataOnly"/>, the file may also hold just the metadata (the first
    /// <see cref="PackageHead.PayloadStart"/> bytes, what a client fetches before deciding to download the payload).
    /// </summary>
    public static Package Open(string path, PackageLimits? limits = null, bool metadataOnly = false)
    {
        limits ??= PackageLimits.Default;
        if (!File.Exists(path))
            throw DiagnosticException.Error(Diagnostics.CliCodes.FileNotFound, $"package '{path}' does not exist");
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var first = new byte[PackageHead.MetadataStart];
        var n = fs.ReadAtLeast(first, first.Length, throwOnEndOfStream: false);
        var head = PackageHead.Decode(first.AsSpan(0, n), null, limits, path);
        if (!(metadataOnly && fs.Length == head.PayloadStart))
            PackageHead.CheckLength(head, fs.Length, path);
        var manifest = new byte[head.ManifestSize];
        var entries = new byte[head.EntriesSize];
        fs.ReadExactly(manifest);
        fs.ReadExactly(entries);
        return new Package(path, head, first[..PackageHead.Size], first[PackageHead.Size..(PackageHead.Size + PackageHead.SignatureSize)], manifest, entries);
    }

    /// <summary>
    /// Verifies signature, trust, channel, manifest and entry table, in that order, throwing the first
    /// failure with its own code. Does not read the payload.
    /// </summary>
    public void Verify(TrustStore trust, PackageLimits? limits = null)
    {
        limits ??= PackageLimits.Default;
        var where = new SourceLocation(Path);
        if (!Head.IsSigned)
            throw DiagnosticException.Error(PkgCodes.NotSigned, "the package is not signed", where, "sign it with 'veridian pkg sign <file> --key <name>.secret'");
        var key = trust.Find(Head.KeyId) ?? throw DiagnosticException.Error(PkgCodes.UntrustedKey,
            $"the package is signed by key {Hex.Of(Head.KeyId)}, which is not trusted", where, "trust the signer's public key with 'veridian pkg key trust' if you trust its owner");
        if (!Ed25519Keys.Verify(key.Key, Signature, PackageHead.SignedMessage(HeadBytes), out var why))
            throw DiagnosticException.Error(PkgCodes.BadSignature, $"the signature by '{key.Name}' ({key.IdHex[..16]}…) is invalid: {why}", where,
                "the signature block was altered or the package was signed by another key");
        Signer = key;
        ReadMetadata(limits);
        if (!key.Channels.Contains(Manifest.Channel))
            throw DiagnosticException.Error(PkgCodes.WrongChannel,
                $"key '{key.Name}' is trusted for {string.Join(", ", key.Channels.Select(Manifest.ChannelText))}, not for channel '{Manifest.ChannelText(Manifest.Channel)}'", where);
    }

    /// <summary>Decodes manifest and entries after checking their hashes, without checking the signature (for <c>pkg info</c>).</summary>
    public void ReadUnverified(PackageLimits? limits = null) => ReadMetadata(limits ?? PackageLimits.Default);

    private void ReadMetadata(PackageLimits limits)
    {
        var where = new SourceLocation(Path);
        if (!Sha256Hash.Of(ManifestBytes).AsSpan().SequenceEqual(Head.ManifestSha256))
            throw DiagnosticException.Error(PkgCodes.ManifestHashMismatch, "the manifest does not match the hash in the signed head", where, "the package was tampered with");
        Manifest = Manifest.Decode(ManifestBytes, Path);
        if (Manifest.Target != Head.Target)
            throw DiagnosticException.Error(PkgCodes.BadManifest, $"the manifest's target '{Manifest.Target}' differs from the head's '{Head.Target}'", where);
        if (!Sha256Hash.Of(EntryBytes).AsSpan().SequenceEqual(Head.EntriesSha256))
            throw DiagnosticException.Error(PkgCodes.EntriesHashMismatch, "the entry table does not match the hash in the signed head", where, "the package was tampered with");
        Entries = EntryTable.Decode(EntryBytes, limits, Path);
        var total = Entries.Where(e => e.Type == EntryType.File).Sum(e => e.Size);
        if (total != Head.ContentSize)
            throw DiagnosticException.Error(PkgCodes.BadEntries, $"the files total {total} bytes but the head declares {Head.ContentSize}", where);
    }

    /// <summary>Checks the payload hash, then decompresses and checks every file's hash (nothing is written).</summary>
    public void VerifyPayload()
    {
        using var payload = PayloadReader.Open(this);
        payload.ReadAll(_ => null);
    }
}
