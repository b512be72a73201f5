namespace Veridian.Triples;

/// <summary>The operating system a target runs on.</summary>
public enum Os
{
    /// <summary>VeridianOS (<c>&lt;arch&gt;-veridian-&lt;subsystem&gt;-&lt;abi&gt;</c>).</summary>
    Veridian,

    /// <summary>Linux (<c>&lt;arch&gt;-linux-gnu</c> with glibc, <c>&lt;arch&gt;-linux-relibc</c> with relibc-cs), used to test the toolchain and the C library natively and under qemu-user.</summary>
    Linux,
}
