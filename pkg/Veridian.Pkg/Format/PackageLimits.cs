namespace Veridian.Pkg.Format;

/// <summary>Caps that bound what a package may ask of a reader (docs/pkg-format.md, Caps).</summary>
public sealed record PackageLimits
{
    public static readonly PackageLimits Default = new();

    public int MaxEntries { get; init; } = 200_000;
    public int MaxPathBytes { get; init; } = 1024;
    public int MaxComponentBytes { get; init; } = 255;
    public long MaxContentBytes { get; init; } = 16L << 30;
    public int MaxManifestBytes { get; init; } = 1 << 20;
    public long MaxEntryTableBytes { get; init; } = 64L << 20;

    /// <summary>Largest allowed content size / payload size.</summary>
    public long MaxCompressionRatio { get; init; } = 1000;

    /// <summary>Most symlink hops followed when checking where a link leads (as Linux's ELOOP limit).</summary>
    public int MaxSymlinkHops { get; init; } = 40;
}
