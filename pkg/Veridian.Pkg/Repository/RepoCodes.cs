namespace Veridian.Pkg.Repository;

/// <summary>Codes VDN62xx: repository metadata, sources and the client's update procedure (docs/pkg-repository.md).</summary>
public static class RepoCodes
{
    /// <summary>Repository metadata is malformed (not JSON, not canonical, wrong type, a bad field); the repository is broken or forged.</summary>
    public const string BadMetadata = "VDN6201";

    /// <summary>A downloaded package's length or SHA-256 differs from the targets metadata (arbitrary package); do not install it.</summary>
    public const string PackageMismatch = "VDN6202";

    /// <summary>A metadata version is older than the trusted one (rollback); the mirror serves stale or replayed files.</summary>
    public const string Rollback = "VDN6203";

    /// <summary>Metadata has expired (freeze); the repository must publish again, or the mirror is frozen.</summary>
    public const string Expired = "VDN6204";

    /// <summary>A file is not the version, length or hash its parent metadata states (mix and match).</summary>
    public const string MixAndMatch = "VDN6205";

    /// <summary>A download exceeded its bound (endless data); the server sends more than the signed metadata allows.</summary>
    public const string TooLarge = "VDN6206";

    /// <summary>A download stalled or was too slow (slow retrieval); try another mirror or later.</summary>
    public const string TooSlow = "VDN6207";

    /// <summary>Signatures below the role's threshold (missing, by keys not listed for the role, or invalid).</summary>
    public const string BelowThreshold = "VDN6208";

    /// <summary>The root rotation chain is broken: a new root not signed by the old root's keys, or not the next version.</summary>
    public const string BadRotation = "VDN6209";

    /// <summary>A package's manifest differs from what its targets entry says (name, version, target, dependencies).</summary>
    public const string ManifestDiffers = "VDN6210";

    /// <summary>A source configuration problem: unknown or duplicate name, bad URL, bad root file.</summary>
    public const string BadSource = "VDN6211";

    /// <summary>The repository could not be reached, or a file it must have is missing.</summary>
    public const string Unreachable = "VDN6212";

    /// <summary>A repository command problem: not a repository, package bytes differ, missing role key, nothing staged.</summary>
    public const string BadRepository = "VDN6213";
}
