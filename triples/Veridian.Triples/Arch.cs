namespace Veridian.Triples;

/// <summary>The CPU architecture of a target (the first triple component).</summary>
public enum Arch
{
    /// <summary><c>x86_64</c> (aliases: <c>amd64</c>).</summary>
    X86_64,

    /// <summary><c>aarch64</c> (aliases: <c>arm64</c>).</summary>
    AArch64,

    /// <summary><c>riscv64</c> (aliases: <c>riscv64gc</c>).</summary>
    RiscV64,
}
