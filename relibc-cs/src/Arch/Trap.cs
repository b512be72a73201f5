using Veridian.Intrinsics;

namespace Relibc.Arch;

/// <summary>
/// The system-call instruction of each architecture, with the number and six arguments in its registers (Linux and
/// VeridianOS use the same convention, with other numbers: man 2 syscall, "Architecture calling conventions";
/// docs/abi.md). Returns the kernel's raw result; each backend's Syscall reads it in its own numbering.
/// </summary>
internal static class Trap
{
    public static nint Call(nint n, nint a, nint b, nint c, nint d, nint e, nint f)
    {
#if VERIDIAN_X86_64
        // syscall: rax = number, rdi rsi rdx r10 r8 r9; the CPU clobbers rcx and r11.
        return (nint)Cpu.AsmResult("syscall", "={rax},{rax},{rdi},{rsi},{rdx},{r10},{r8},{r9},~{rcx},~{r11},~{memory}",
            (nuint)n, (nuint)a, (nuint)b, (nuint)c, (nuint)d, (nuint)e, (nuint)f);
#elif VERIDIAN_AARCH64
        // svc #0: x8 = number, x0-x5; result in x0.
        return (nint)Cpu.AsmResult("svc #0", "={x0},{x8},{x0},{x1},{x2},{x3},{x4},{x5},~{memory}",
            (nuint)n, (nuint)a, (nuint)b, (nuint)c, (nuint)d, (nuint)e, (nuint)f);
#elif VERIDIAN_RISCV64
        // ecall: a7 = number, a0-a5; result in a0.
        return (nint)Cpu.AsmResult("ecall", "={x10},{x17},{x10},{x11},{x12},{x13},{x14},{x15},~{memory}",
            (nuint)n, (nuint)a, (nuint)b, (nuint)c, (nuint)d, (nuint)e, (nuint)f);
#endif
    }
}
