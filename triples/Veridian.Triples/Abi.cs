namespace Veridian.Triples;

/// <summary>The C library / ABI a target links against (the last triple component).</summary>
public enum Abi
{
    /// <summary>No C library: freestanding code (kernels).</summary>
    None,

    /// <summary>relibc-cs, the SDK's C library, from the sysroot <c>&lt;sysroot&gt;/&lt;triple&gt;/{include,lib}</c> (VeridianOS user programs, and <c>&lt;arch&gt;-linux-relibc</c>: the same library on its Linux backend).</summary>
    Relibc,

    /// <summary>glibc (Linux targets only).</summary>
    Gnu,
}
