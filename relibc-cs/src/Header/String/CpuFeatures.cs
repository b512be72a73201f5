using Veridian.Intrinsics;

namespace Relibc.Header.String;

/// <summary>
/// The CPU features string.h chooses its kernels by, read once at start-up (a static constructor, from .init_array).
/// Until then — a C constructor that runs before relibc-cs's — every feature reads false, which selects the
/// baseline kernels: slower, never wrong.
/// </summary>
public static class CpuFeatures
{
    /// <summary>x86_64 AVX2 with the operating system saving the YMM registers (CPUID and XGETBV, Intel SDM vol. 1 §14.3).</summary>
    public static readonly bool Avx2 = DetectAvx2();

    private static bool DetectAvx2()
    {
#if VERIDIAN_X86_64
        const uint OsXsave = 1u << 27, Avx = 1u << 28, Avx2Bit = 1u << 5;
        // cpuid writes eax, ebx, ecx and edx: each template moves the wanted register to eax and gives rcx back.
        var maxLeaf = (uint)Cpu.AsmResult("movq %rcx, %r9\n\tcpuid\n\tmovl %eax, %eax\n\tmovq %r9, %rcx", "={rax},{rax},{rcx},~{rbx},~{rdx},~{r9}", 0, 0);
        if (maxLeaf < 7)
            return false;
        var ecx1 = (uint)Cpu.AsmResult("movq %rcx, %r9\n\tcpuid\n\tmovl %ecx, %eax\n\tmovq %r9, %rcx", "={rax},{rax},{rcx},~{rbx},~{rdx},~{r9}", 1, 0);
        if ((ecx1 & (OsXsave | Avx)) != (OsXsave | Avx))
            return false;
        // XCR0 bits 1 and 2: the OS saves the SSE and the upper YMM state on context switches.
        var xcr0 = (uint)Cpu.AsmResult("xgetbv", "={rax},{rcx},~{rdx}", 0);
        if ((xcr0 & 6) != 6)
            return false;
        var ebx7 = (uint)Cpu.AsmResult("movq %rcx, %r9\n\tcpuid\n\tmovl %ebx, %eax\n\tmovq %r9, %rcx", "={rax},{rax},{rcx},~{rbx},~{rdx},~{r9}", 7, 0);
        return (ebx7 & Avx2Bit) != 0;
#else
        return false;
#endif
    }
}
