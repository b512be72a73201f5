namespace Veridian.Triples;

/// <summary>How <c>veridian run</c> runs a target's binaries.</summary>
public enum QemuMode
{
    /// <summary>A whole machine: <c>qemu-system-&lt;arch&gt; ... -kernel &lt;elf&gt;</c>.</summary>
    System,

    /// <summary>User-mode emulation of one Linux process: <c>qemu-&lt;arch&gt; [-L sysroot] &lt;elf&gt; args</c>.</summary>
    User,

    /// <summary>The host runs the program directly (x86_64 Linux on an x86_64 host).</summary>
    Native,
}
