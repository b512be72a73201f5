namespace Veridian.Triples;

/// <summary>Spellings of <see cref="Arch"/>, <see cref="Subsystem"/>, <see cref="Abi"/> and <see cref="Os"/> in triples.</summary>
public static class ArchNames
{
    /// <summary>The canonical triple spelling: <c>x86_64</c>, <c>aarch64</c>, <c>riscv64</c>.</summary>
    public static string Name(this Arch arch) => arch switch
    {
        Arch.X86_64 => "x86_64",
        Arch.AArch64 => "aarch64",
        Arch.RiscV64 => "riscv64",
    };

    /// <summary>Debian's multiarch tuple (<c>aarch64-linux-gnu</c>).</summary>
    public static string LinuxMultiarch(this Arch arch) => $"{arch.Name()}-linux-gnu";

    /// <summary>The QEMU suffix: <c>qemu-system-&lt;suffix&gt;</c>, <c>qemu-&lt;suffix&gt;</c>.</summary>
    public static string QemuName(this Arch arch) => arch.Name();

    public static string Name(this Subsystem subsystem) => subsystem switch
    {
        Subsystem.Kernel => "kernel",
        Subsystem.User => "user",
        Subsystem.Driver => "driver",
    };

    public static string Name(this Abi abi) => abi switch
    {
        Abi.None => "none",
        Abi.Relibc => "relibc",
        Abi.Gnu => "gnu",
    };

    public static string Name(this Os os) => os switch
    {
        Os.Veridian => "veridian",
        Os.Linux => "linux",
    };
}
