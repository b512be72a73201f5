namespace Veridian.Triples;

/// <summary>How a target's programs are linked (<see cref="TargetInfo.LinkerFlavor"/>).</summary>
public enum LinkerFlavor
{
    /// <summary>ld.lld directly, with the start files and libraries the SDK names itself (freestanding targets and the SDK's sysroot).</summary>
    Lld,

    /// <summary>The clang driver with <c>-fuse-ld=lld</c>, which knows glibc's start files, libraries and dynamic loader.</summary>
    ClangDriver,
}
