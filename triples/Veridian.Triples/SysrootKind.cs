namespace Veridian.Triples;

/// <summary>Where a target's C headers and libraries come from.</summary>
public enum SysrootKind
{
    /// <summary>None: freestanding code sees only the compiler's own headers (stddef.h, stdint.h, ...).</summary>
    None,

    /// <summary>The SDK's sysroot, laid out as <c>&lt;sysroot&gt;/&lt;canonical triple&gt;/{include,lib}</c>.</summary>
    Veridian,

    /// <summary>Debian's cross glibc (<c>/usr/&lt;arch&gt;-linux-gnu/{include,lib}</c>), found by clang through the GCC cross installation.</summary>
    CrossGlibc,

    /// <summary>The host's own glibc (<c>/usr/include</c>, <c>/usr/lib/x86_64-linux-gnu</c>).</summary>
    Host,
}
