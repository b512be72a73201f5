using System.Buffers.Binary;
using System.Text;
using Veridian.Common;
using Veridian.Diagnostics;

namespace Veridian.Pkg.Format;

/// <summary>The 256-byte signed head (docs/pkg-format.md, Head).</summary>
public sealed record PackageHead
{
    public const int Size = 256;
    public const int SignatureSize = 64;

    /// <summary>The signature block: the Ed25519 signature, then an unsigned SHA-256 of the head that only
    /// serves to tell "the head was altered" from "the signature was altered" in diagnostics.</summary>
    public const int SignatureBlockSize = SignatureSize + 32;
    public const int MetadataStart = Size + SignatureBlockSize;
    public const uint Version = 2;
    public const uint FlagZstd = 1;
    public static ReadOnlySpan<byte> Magic => "VPKG"u8;

    /// <summary>Prefix of the signed message, so a head signature can never be replayed as another kind of signature.</summary>
    public static ReadOnlySpan<byte> SignatureContext => "veridian-vpkg-v2\0"u8;

    public required long ManifestSize { get; init; }
    public required long EntriesSize { get; init; }
    public required long PayloadSize { get; init; }
    public required long ContentSize { get; init; }
    public required byte[] ManifestSha256 { get; init; }
    public required byte[] EntriesSha256 { get; init; }
    public required byte[] PayloadSha256 { get; init; }
    public required string Target { get; init; }
    public byte[] KeyId { get; init; } = new byte[32];

    public bool IsSigned => KeyId.AsSpan().ContainsAnyExcept((byte)0);

    public byte[] Encode()
    {
        var b = new byte[Size];
        Magic.CopyTo(b);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), Version);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(8), FlagZstd);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(12), Size);
        BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(16), (ulong)ManifestSize);
        BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(24), (ulong)EntriesSize);
        BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(32), (ulong)PayloadSize);
        BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(40), (ulong)ContentSize);
        ManifestSha256.CopyTo(b, 48);
        EntriesSha256.CopyTo(b, 80);
        PayloadSha256.CopyTo(b, 112);
        Encoding.ASCII.GetBytes(Target).CopyTo(b, 144);
        KeyId.CopyTo(b, 208);
        return b;
    }

    /// <summary>The bytes the Ed25519 signature is made over.</summary>
    public static byte[] SignedMessage(ReadOnlySpan<byte> head) => [.. SignatureContext, .. head];

    /// <summary>Decodes and checks a head; <paramref name="fileLength"/> (when known) must equal the sum of the regions.</summary>
    public static PackageHead Decode(ReadOnlySpan<byte> b, long? fileLength, PackageLimits limits, string file)
    {
        var where = new SourceLocation(file);
        if (b.Length < 8 || !b[..4].SequenceEqual(Magic))
            throw DiagnosticException.Error(PkgCodes.NotAPackage, "not a .vpkg package (bad magic)", where);
        var version = BinaryPrimitives.ReadUInt32LittleEndian(b[4..]);
        if (version != Version)
            throw DiagnosticException.Error(PkgCodes.UnsupportedVersion, $"package format version {version} is not supported (this SDK reads version {Version})", where,
                version == 1 ? "version 1 is upstream's in-kernel format; rebuild the package with 'veridian pkg build'" : null);
        if (b.Length < MetadataStart)
            throw DiagnosticException.Error(PkgCodes.NotAPackage, "the package is truncated inside its head", where);
        if (!Sha256Hash.Of(b[..Size]).AsSpan().SequenceEqual(b.Slice(Size + SignatureSize, 32)))
            throw DiagnosticException.Error(PkgCodes.HeadTampered, "the head was altered: it does not match its checksum", where, "the package is damaged or forged");
        var flags = BinaryPrimitives.ReadUInt32LittleEndian(b[8..]);
        if (flags != FlagZstd)
            throw Malformed(where, $"unknown flags 0x{flags:x}");
        if (BinaryPrimitives.ReadUInt32LittleEndian(b[12..]) != Size)
            throw Malformed(where, "head size field is not 256");
        if (b.Slice(240, 16).ContainsAnyExcept((byte)0))
            throw Malformed(where, "reserved head bytes are not zero");
        var manifestSize = BinaryPrimitives.ReadUInt64LittleEndian(b[16..]);
        var entriesSize = BinaryPrimitives.ReadUInt64LittleEndian(b[24..]);
        var payloadSize = BinaryPrimitives.ReadUInt64LittleEndian(b[32..]);
        var contentSize = BinaryPrimitives.ReadUInt64LittleEndian(b[40..]);
        if (manifestSize == 0 || manifestSize > (ulong)limits.MaxManifestBytes)
            throw DiagnosticException.Error(PkgCodes.LimitExceeded, $"manifest size {manifestSize} is outside 1..{limits.MaxManifestBytes}", where);
        if (entriesSize < 4 || entriesSize > (ulong)limits.MaxEntryTableBytes)
            throw DiagnosticException.Error(PkgCodes.LimitExceeded, $"entry table size {entriesSize} is outside 4..{limits.MaxEntryTableBytes}", where);
        if (contentSize > (ulong)limits.MaxContentBytes)
            throw DiagnosticException.Error(PkgCodes.LimitExceeded, $"content size {contentSize} exceeds the cap of {limits.MaxContentBytes} bytes", where);
        if (payloadSize == 0 || payloadSize > (ulong)limits.MaxContentBytes + (1 << 20))
            throw Malformed(where, $"payload size {payloadSize} is out of range");
        if (contentSize / payloadSize > (ulong)limits.MaxCompressionRatio)
            throw DiagnosticException.Error(PkgCodes.LimitExceeded,
                $"compression ratio {contentSize / payloadSize}:1 exceeds the cap of {limits.MaxCompressionRatio}:1 (a decompression bomb?)", where);
        var targetField = b.Slice(144, 64);
        var nul = targetField.IndexOf((byte)0);
        var targetBytes = nul < 0 ? targetField : targetField[..nul];
        if (nul >= 0 && targetField[nul..].ContainsAnyExcept((byte)0))
            throw Malformed(where, "target field has bytes after its NUL padding");
        var target = Encoding.ASCII.GetString(targetBytes);
        if (targetBytes.ContainsAnyExceptInRange((byte)0x21, (byte)0x7e) || !TargetName.IsValid(target, out _))
            throw Malformed(where, $"target field '{PathRules.Show(target)}' is not a valid target");
        var head = new PackageHead
        {
            ManifestSize = (long)manifestSize, EntriesSize = (long)entriesSize, PayloadSize = (long)payloadSize, ContentSize = (long)contentSize,
            ManifestSha256 = b.Slice(48, 32).ToArray(), EntriesSha256 = b.Slice(80, 32).ToArray(), PayloadSha256 = b.Slice(112, 32).ToArray(),
            Target = target, KeyId = b.Slice(208, 32).ToArray(),
        };
        if (fileLength is { } len)
            CheckLength(head, len, file);
        return head;
    }

    /// <summary>A whole package has exactly the length its head describes.</summary>
    public static void CheckLength(PackageHead head, long length, string file)
    {
        if (length < head.TotalSize)
            throw DiagnosticException.Error(PkgCodes.NotAPackage, $"the package is truncated ({length} bytes; the head describes {head.TotalSize})", new SourceLocation(file));
        if (length > head.TotalSize)
            throw Malformed(new SourceLocation(file), $"{length - head.TotalSize} bytes follow the payload");
    }

    public long PayloadStart => MetadataStart + ManifestSize + EntriesSize;

    public long TotalSize => PayloadStart + PayloadSize;

    private static DiagnosticException Malformed(SourceLocation where, string message) =>
        DiagnosticException.Error(PkgCodes.MalformedHead, message, where, "the package is damaged or forged");
}
