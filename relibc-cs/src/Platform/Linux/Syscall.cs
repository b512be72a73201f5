using Veridian.Intrinsics;

namespace Relibc.Platform;

/// <summary>
/// Raw Linux system calls: the number and six arguments in the registers of each architecture's syscall ABI
/// (man 2 syscall, "Architecture calling conventions"); the result is the return value or a negated errno in
/// [-4095, -1]. Only the Linux backend (<see cref="Pal"/>) calls these.
/// </summary>
internal static unsafe class Syscall
{
    public static nint Call(nint n, nint a = 0, nint b = 0, nint c = 0, nint d = 0, nint e = 0, nint f = 0)
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

/// <summary>Linux system call numbers: x86_64's own table, and the asm-generic table aarch64 and riscv64 share.</summary>
internal static class Nr
{
#if VERIDIAN_X86_64
    public const int Read = 0, Write = 1, Close = 3, Lseek = 8, Mmap = 9, Munmap = 11, Ioctl = 16, Getpid = 39,
        Kill = 62, Openat = 257, ExitGroup = 231, Gettid = 186, Tgkill = 234, Unlinkat = 263, ClockGettime = 228,
        Mprotect = 10, Futex = 202, SchedYield = 24, Exit = 60, ArchPrctl = 158, SetTidAddress = 218;
#else
    public const int Read = 63, Write = 64, Close = 57, Lseek = 62, Mmap = 222, Munmap = 215, Ioctl = 29, Getpid = 172,
        Kill = 129, Openat = 56, ExitGroup = 94, Gettid = 178, Tgkill = 131, Unlinkat = 35, ClockGettime = 113,
        Mprotect = 226, Futex = 98, SchedYield = 124, Exit = 93, SetTidAddress = 96;
#endif
}
