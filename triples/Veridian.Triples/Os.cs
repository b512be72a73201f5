namespace Veridian.Triples;

/// <summary>The operating system a target runs on.</summary>
public enum Os
{
    /// <summary>VeridianOS (<c>&lt;arch&gt;-veridian-&lt;subsystem&gt;-&lt;abi&gt;</c>).</summary>
    Veridian,

    /// <summary>Linux with glibc (<c>&lt;arch&gt;-linux-gnu</c>), used to test the toolchain under qemu-user.</summary>
    Linux,
}
