namespace Veridian.Pkg.Resolve;

/// <summary>Codes VDN63xx: resolving, locking and changing a sysroot by package name (docs/pkg-repository.md, Installing by name).</summary>
public static class ResolveCodes
{
    /// <summary>The request cannot be satisfied; the message explains why in words, and nothing was changed.</summary>
    public const string Unsatisfiable = "VDN6301";

    /// <summary>A lock file is malformed, for another target, or a locked package is no longer what the lock recorded.</summary>
    public const string BadLock = "VDN6302";

    /// <summary>A request is malformed (not NAME or NAME@RANGE).</summary>
    public const string BadRequest = "VDN6303";
}
