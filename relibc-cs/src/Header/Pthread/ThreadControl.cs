using System.Runtime.InteropServices;
using Relibc.Platform;
using Veridian.Intrinsics;

namespace Relibc.Header.Pthread;

/// <summary>
/// What relibc-cs keeps about a thread (docs/relibc.md, "Threads"); a <c>pthread_t</c> is its address. It lives in the
/// thread's TLS area, next to the thread pointer: at it on x86_64 (its first word points at itself, as %fs:0 must),
/// just below it on aarch64 and riscv64.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct ThreadControl
{
    public ThreadControl* Self;
    /// <summary>The kernel's thread id; the kernel zeroes it and futex-wakes it when the thread exits (join waits on it).</summary>
    public int Tid;
    /// <summary><see cref="Joinable"/>, <see cref="Detached"/> or <see cref="Exited"/>.</summary>
    public int State;
    public delegate* unmanaged<void*, void*> Start;
    public void* Argument;
    public void* Result;
    /// <summary>The mapping that holds the stack and this area (null for the main thread's, which is never unmapped).</summary>
    public void* MapBase;
    public nuint MapSize;
    public KeyValues Specific;

    public const int Joinable = 0, Detached = 1, Exited = 2;
}

/// <summary>A thread's values of the <c>pthread_key_t</c> keys.</summary>
public unsafe struct KeyValues
{
    public fixed ulong Value[Keys.Max];
}

/// <summary>
/// The TLS area of a thread (ELF TLS, variant II on x86_64, variant I on aarch64 and riscv64): the program's PT_TLS
/// segment, copied from its initial image (.tdata, then zeroed .tbss) for each thread, and the
/// <see cref="ThreadControl"/>. The static linker resolved every TLS access to a fixed offset from the thread pointer,
/// so this layout is the contract: x86_64 — block, then the thread pointer (block end, aligned); aarch64 — the thread
/// pointer, a 16-byte reserved TCB, the block at the next aligned offset; riscv64 — the thread pointer at the block's
/// start.
/// </summary>
internal static unsafe class ThreadArea
{
    private static byte* s_image;
    // No initializers: a static constructor runs from .init_array, after InitMain has set these (an "s_align = 16"
    // once reset the alignment there, and threads then placed x86_64's block 8 bytes off the linker's offsets).
    private static nuint s_fileSize, s_memSize;

    /// <summary>PT_TLS's p_align (at least 1): the linker's TLS offsets round the segment to it.</summary>
    private static nuint s_tlsAlign;

    /// <summary>The thread pointer's alignment: p_align, at least 16.</summary>
    private static nuint s_align;

    /// <summary>The main thread's area: a static buffer is enough when the program's TLS is small.</summary>
    private static MainArea s_main;

    private struct MainArea
    {
        public fixed byte Bytes[4096];
    }

    private const int PtPhdr = 6, PtTls = 7;

    /// <summary>
    /// Finds the PT_TLS segment among the program headers (<paramref name="phdr"/>, <paramref name="count"/> entries:
    /// where the backend says they are — the auxiliary vector on Linux, the ELF header at <c>__ehdr_start</c> on
    /// VeridianOS, <see cref="Pal.ProgramHeaders"/>; a PIE's load bias from PT_PHDR) and gives the main thread its
    /// area and thread pointer. Runs first in start-up: nothing before it touches TLS.
    /// </summary>
    public static void InitMain(byte* phdr, nuint count)
    {
        nuint bias = 0;
        for (nuint i = 0; i < count; i++)
        {
            var p = phdr + i * 56;
            if (*(uint*)p == PtPhdr)
                bias = (nuint)phdr - *(nuint*)(p + 16);
        }
        for (nuint i = 0; i < count; i++)
        {
            var p = phdr + i * 56;
            if (*(uint*)p != PtTls)
                continue;
            s_image = (byte*)(bias + *(nuint*)(p + 16));
            s_fileSize = *(nuint*)(p + 32);
            s_memSize = *(nuint*)(p + 40);
            s_tlsAlign = *(nuint*)(p + 48);
        }
        if (s_tlsAlign == 0)
            s_tlsAlign = 1;
        s_align = s_tlsAlign > 16 ? s_tlsAlign : 16;
        byte* area;
        var size = Size;
        if (size <= 4096)
        {
            fixed (byte* b = s_main.Bytes)
                area = b;
        }
        else
        {
            var m = Pal.Map(null, size, 3, 0x22, -1, 0);
            if (m < 0)
                Pal.Exit(127); // no memory for the main thread's TLS: nothing can run
            area = (byte*)m;
        }
        var tc = Init(area);
        tc->Tid = (int)Pal.ThreadId();
        tc->State = ThreadControl.Detached;
        Pal.SetThreadPointer(ThreadPointerOf(tc));
    }

    /// <summary>Bytes an area needs (with room to align the thread pointer).</summary>
    public static nuint Size => Round(s_memSize, s_align) + s_align + 16 + (nuint)sizeof(ThreadControl) + 16;

    /// <summary>Lays an area out at <paramref name="area"/> (<see cref="Size"/> zeroed bytes) and returns its thread's control block.</summary>
    public static ThreadControl* Init(byte* area)
    {
        byte* block;
        ThreadControl* tc;
#if VERIDIAN_X86_64
        var tp = (byte*)Round((nuint)area + Round(s_memSize, s_tlsAlign), s_align);
        block = tp - Round(s_memSize, s_tlsAlign);
        tc = (ThreadControl*)tp;
#elif VERIDIAN_AARCH64
        var tp = (byte*)Round((nuint)area + (nuint)sizeof(ThreadControl), s_align);
        block = tp + Round(16, s_tlsAlign);
        tc = (ThreadControl*)tp - 1;
#elif VERIDIAN_RISCV64
        var tp = (byte*)Round((nuint)area + (nuint)sizeof(ThreadControl), s_align);
        block = tp;
        tc = (ThreadControl*)tp - 1;
#endif
        for (nuint i = 0; i < s_fileSize; i++)
            block[i] = s_image[i];
        for (var i = s_fileSize; i < s_memSize; i++)
            block[i] = 0;
        tc->Self = tc;
        return tc;
    }

    /// <summary>The thread pointer of the thread whose control block is <paramref name="tc"/>.</summary>
    public static void* ThreadPointerOf(ThreadControl* tc)
    {
#if VERIDIAN_X86_64
        return tc;
#else
        return tc + 1;
#endif
    }

    /// <summary>The calling thread's control block, from its thread pointer.</summary>
    public static ThreadControl* Current()
    {
#if VERIDIAN_X86_64
        return (ThreadControl*)Cpu.AsmResult("mov %fs:0, $0", "=r");
#elif VERIDIAN_AARCH64
        return (ThreadControl*)Cpu.AsmResult("mrs $0, tpidr_el0", "=r") - 1;
#elif VERIDIAN_RISCV64
        return (ThreadControl*)Cpu.AsmResult("mv $0, tp", "=r") - 1;
#endif
    }

    private static nuint Round(nuint value, nuint align) => (value + align - 1) & ~(align - 1);
}
