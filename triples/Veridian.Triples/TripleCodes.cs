namespace Veridian.Triples;

/// <summary>Codes VDN2xxx: target triples and the target database (docs/triples.md). Each says what the user should do.</summary>
public static class TripleCodes
{
    /// <summary>The architecture is not x86_64, aarch64 or riscv64 (or an alias: amd64, arm64, riscv64gc); use the suggested spelling.</summary>
    public const string UnknownArch = "VDN2001";

    /// <summary>The triple has the wrong number of components; write <c>&lt;arch&gt;-veridian-&lt;subsystem&gt;-&lt;abi&gt;</c> or <c>&lt;arch&gt;-linux-gnu</c>.</summary>
    public const string WrongComponentCount = "VDN2002";

    /// <summary>The operating system is not <c>veridian</c> or <c>linux</c>; use one of them.</summary>
    public const string UnknownOs = "VDN2003";

    /// <summary>The subsystem is not kernel, user or driver; use one of them.</summary>
    public const string UnknownSubsystem = "VDN2004";

    /// <summary>The abi is not none, relibc (VeridianOS) or gnu (Linux); use one of them.</summary>
    public const string UnknownAbi = "VDN2005";

    /// <summary>The abi does not fit the subsystem (a kernel has no C library: <c>kernel-none</c>, not <c>kernel-relibc</c>); use the abi the hint names.</summary>
    public const string AbiDoesNotFitSubsystem = "VDN2006";

    /// <summary>The triple is well formed but the database has no such target (e.g. a driver target not added yet); pick one from <c>veridian targets list</c>.</summary>
    public const string UnknownTarget = "VDN2007";

    /// <summary>The triple, or one of its components, is empty; write the whole triple.</summary>
    public const string EmptyComponent = "VDN2008";

    /// <summary>The emit format writes more than one file (cmake writes Platform/VeridianOS.cmake beside the toolchain file); pass <c>--output &lt;file&gt;</c>.</summary>
    public const string OutputRequired = "VDN2009";

    /// <summary>The emit format does not apply to this target (the kernel linker script is for kernel targets); pick a target it applies to.</summary>
    public const string FormatNotForTarget = "VDN2010";
}
