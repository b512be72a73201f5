namespace Veridian.Pkg;

/// <summary>Codes VDN6xxx: packages, signing, trust and sysroot transactions (docs/pkg-format.md).</summary>
public static class PkgCodes
{
    /// <summary>Not a .vpkg file (bad magic) or truncated; check that the file is a complete package.</summary>
    public const string NotAPackage = "VDN6001";

    /// <summary>The format version is not 2; rebuild the package with this SDK.</summary>
    public const string UnsupportedVersion = "VDN6002";

    /// <summary>The head is malformed (flags, sizes, reserved bytes, target); the file is damaged or forged.</summary>
    public const string MalformedHead = "VDN6003";

    /// <summary>The package is not signed; sign it with <c>veridian pkg sign</c>.</summary>
    public const string NotSigned = "VDN6004";

    /// <summary>The signature does not verify: the head or signature was altered, or the signature is malleable.</summary>
    public const string BadSignature = "VDN6005";

    /// <summary>The signing key is not trusted; add it with <c>veridian pkg key trust</c> if you trust its owner.</summary>
    public const string UntrustedKey = "VDN6006";

    /// <summary>The signing key is trusted, but not for the package's channel; re-sign with a key of that channel.</summary>
    public const string WrongChannel = "VDN6007";

    /// <summary>The manifest does not match the hash in the signed head; the package was tampered with.</summary>
    public const string ManifestHashMismatch = "VDN6008";

    /// <summary>The manifest is invalid (not canonical JSON, a bad field); fix the manifest and rebuild.</summary>
    public const string BadManifest = "VDN6009";

    /// <summary>The entry table does not match the hash in the signed head; the package was tampered with.</summary>
    public const string EntriesHashMismatch = "VDN6010";

    /// <summary>The entry table is malformed; the package is damaged or forged.</summary>
    public const string BadEntries = "VDN6011";

    /// <summary>The payload does not match the hash in the signed head; the package was tampered with or truncated.</summary>
    public const string PayloadHashMismatch = "VDN6012";

    /// <summary>A file's content does not match its entry's hash; the package is damaged or forged.</summary>
    public const string FileHashMismatch = "VDN6013";

    /// <summary>The payload is not a valid zstd stream of the declared size.</summary>
    public const string BadPayload = "VDN6014";

    /// <summary>An unsafe path (absolute, '..', empty or '.' component, control character, reserved name).</summary>
    public const string UnsafePath = "VDN6015";

    /// <summary>Two entries have the same path, or paths that differ only in case.</summary>
    public const string DuplicatePath = "VDN6016";

    /// <summary>A symlink's target leaves the sysroot (directly or through a chain of links).</summary>
    public const string SymlinkEscapes = "VDN6017";

    /// <summary>A forbidden entry: device, FIFO, socket, or a setuid/setgid/sticky bit.</summary>
    public const string ForbiddenEntry = "VDN6018";

    /// <summary>A cap is exceeded (entries, path length, size, compression ratio); the package may be a bomb.</summary>
    public const string LimitExceeded = "VDN6019";

    /// <summary>The package's target differs from the sysroot's; install the package built for this target.</summary>
    public const string TargetMismatch = "VDN6020";

    /// <summary>An ELF file's machine does not match the package target; the package was built wrongly.</summary>
    public const string ElfTargetMismatch = "VDN6021";

    /// <summary>A path is owned by another package or exists unowned; remove the other package or the file.</summary>
    public const string PathConflict = "VDN6022";

    /// <summary>Timed out waiting for the sysroot lock; another install or remove is running.</summary>
    public const string LockTimeout = "VDN6023";

    /// <summary>Not an initialised sysroot, or its metadata is damaged; run <c>veridian pkg init</c>.</summary>
    public const string BadSysroot = "VDN6024";

    /// <summary>The package is not installed; see <c>veridian pkg list</c>.</summary>
    public const string NotInstalled = "VDN6025";

    /// <summary>A key file problem: exists already, malformed, a weak key, or readable by others.</summary>
    public const string BadKeyFile = "VDN6026";

    /// <summary>A build input problem: a special file, a setuid bit, an unreadable file.</summary>
    public const string BadBuildInput = "VDN6027";

    /// <summary>A parent directory in the sysroot is a symlink, which extraction never follows.</summary>
    public const string SymlinkInParent = "VDN6028";

    /// <summary>An I/O failure during a transaction; the sysroot was rolled back to its previous state.</summary>
    public const string TransactionFailed = "VDN6029";

    /// <summary>The head does not match the checksum stored after the signature: the head was altered.</summary>
    public const string HeadTampered = "VDN6030";

    /// <summary>Warning: a file the user modified was kept, not overwritten or removed.</summary>
    public const string ModifiedFileKept = "VDN6101";

    /// <summary>Note: an interrupted transaction was found and recovered.</summary>
    public const string Recovered = "VDN6102";
}
