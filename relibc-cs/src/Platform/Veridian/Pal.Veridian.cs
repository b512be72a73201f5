using System.Runtime.InteropServices;
using System.Threading;
using Veridian.Intrinsics;

namespace Relibc.Platform;

/// <summary>
/// The platform layer on VeridianOS (docs/relibc.md, "Backends"; the kernel's calls: docs/abi.md): the Linux
/// backend's members, each returning its result or a negated C errno value (<see cref="Syscall.Call"/> converts the
/// kernel's VeridianOS errno). What the kernel does not offer is <c>-ENOSYS</c> (relibc-cs/COVERAGE.md lists it).
/// POSIX descriptors are the kernel's descriptors, one to one (docs/abi.md, "Descriptors").
/// </summary>
internal static unsafe partial class Pal
{
    private const int ENOSYS = 38, EINVAL = 22, ENOTTY = 25, ETIMEDOUT = 110, EROFS = 30;

    public static nint Read(int fd, byte* buffer, nuint count) => Syscall.Call(Nr.Read, fd, (nint)buffer, (nint)count);

    public static nint Write(int fd, byte* buffer, nuint count) => Syscall.Call(Nr.Write, fd, (nint)buffer, (nint)count);

    /// <summary>open of a boot-module file: read-only (the kernel answers EROFS to any other access mode); O_CREAT and the other flags change nothing there.</summary>
    public static nint Open(byte* path, int flags, int mode) => Syscall.Call(Nr.Open, (nint)path, flags & 3);

    public static nint Unlink(byte* path, bool directory) => -ENOSYS;

    public static nint Close(int fd) => Syscall.Call(Nr.Close, fd);

    public static nint Seek(int fd, long offset, int whence) => Syscall.Call(Nr.Seek, fd, (nint)offset, whence);

    /// <summary>The console (a character device: fds 0–2) is a terminal; termios has no fields to report yet (zeroed).</summary>
    public static nint TerminalAttributes(int fd, byte* termios)
    {
        var k = stackalloc ulong[14];
        var r = Syscall.Call(Nr.Stat, fd, (nint)k);
        if (r < 0)
            return r;
        if ((*(uint*)((byte*)k + 16) & 0xF000) != 0x2000)
            return -ENOTTY;
        for (var i = 0; i < 60; i++)
            termios[i] = 0;
        return 0;
    }

    /// <summary>The console has no terminal settings to change, drain, flush or report.</summary>
    public static nint TerminalControl(int fd, uint request, nint argument) => -ENOSYS;

    /// <summary>mmap: anonymous private memory only (docs/abi.md); a file mapping or MAP_FIXED is EINVAL from the kernel.</summary>
    public static nint Map(void* address, nuint length, int protection, int flags, int fd, long offset) =>
        Syscall.Call(Nr.Mmap, (nint)address, (nint)length, protection, flags & ~0x20000 /* MAP_STACK: advice */, fd, (nint)offset);

    public static nint Unmap(void* address, nuint length) => Syscall.Call(Nr.Munmap, (nint)address, (nint)length);

    /// <summary>clock_gettime: CLOCK_REALTIME 0 and CLOCK_MONOTONIC 1 (Linux's RAW 4, COARSE 5/6 and BOOTTIME 7 are the same clocks here); no CPU-time clocks (ENOSYS).</summary>
    public static nint ClockTime(int clock, Relibc.Header.Time.TimeSpec* result)
    {
        var k = KernelClock(clock);
        return k < 0 ? k : Syscall.Call(Nr.ClockGetTime, k, (nint)result);
    }

    private static int KernelClock(int clock) => clock switch
    {
        0 or 5 => 0,
        1 or 4 or 6 or 7 => 1,
        2 or 3 => -ENOSYS,
        _ => -EINVAL,
    };

    public static nint ProcessId() => Syscall.Call(Nr.GetPid);

    /// <summary>
    /// raise(3) without signals in the kernel: the default action — the process ends with status 128 + signal (as the
    /// kernel ends a faulting one with 139), except for the signals whose default is to be ignored (SIGCHLD, SIGCONT,
    /// SIGURG, SIGWINCH) or to stop (nothing can continue it, so it is ignored too).
    /// </summary>
    public static nint RaiseSignal(int signal)
    {
        if (signal <= 0 || signal > 64)
            return -EINVAL;
        if (signal is 17 or 18 or 19 or 20 or 21 or 22 or 23 or 28)
            return 0;
        Exit(128 + signal);
        return 0;
    }

    public static nint Protect(void* address, nuint length, int protection) => Syscall.Call(Nr.Mprotect, (nint)address, (nint)length, protection);

    /// <summary>The thread's id: its kernel handle + 1 (handles start at 0, and relibc-cs's locks take 0 for "no owner").</summary>
    public static nint ThreadId()
    {
        var r = Syscall.Call(Nr.GetTid);
        return r < 0 ? r : r + 1;
    }

    public static nint Yield() => Syscall.Call(Nr.Yield);

    /// <summary>
    /// futex_wait with the kernel's relative timeout: the absolute <paramref name="deadline"/> on <paramref name="clock"/>
    /// less the clock's time now (passed already: ETIMEDOUT). Futexes are per process on VeridianOS (<paramref name="shared"/> changes nothing).
    /// </summary>
    public static nint FutexWait(int* word, int expected, bool shared, int clock, Relibc.Header.Time.TimeSpec* deadline)
    {
        if (deadline == null)
            return Syscall.Call(Nr.FutexWait, (nint)word, expected, 0);
        Relibc.Header.Time.TimeSpec now, relative;
        var r = ClockTime(clock, &now);
        if (r < 0)
            return r;
        relative.Seconds = deadline->Seconds - now.Seconds;
        relative.Nanoseconds = deadline->Nanoseconds - now.Nanoseconds;
        if (relative.Nanoseconds < 0)
        {
            relative.Nanoseconds += 1000000000;
            relative.Seconds--;
        }
        if (relative.Seconds < 0)
            return -ETIMEDOUT;
        return Syscall.Call(Nr.FutexWait, (nint)word, expected, (nint)(&relative));
    }

    public static nint FutexWake(int* word, int count, bool shared) => Syscall.Call(Nr.FutexWake, (nint)word, count);

    /// <summary>Sets the thread pointer: x86_64 through arch_prctl(ARCH_SET_FS) (203), aarch64 TPIDR_EL0 and riscv64 tp directly (the kernel saves both).</summary>
    public static nint SetThreadPointer(void* tp)
    {
#if VERIDIAN_X86_64
        return Syscall.Call(Nr.ArchPrctl, 0x1002, (nint)tp);
#elif VERIDIAN_AARCH64
        Cpu.Asm("msr tpidr_el0, $0", "r", (nuint)tp);
        return 0;
#elif VERIDIAN_RISCV64
        Cpu.Asm("mv tp, $0", "r", (nuint)tp);
        return 0;
#endif
    }

    [DllImport("*", EntryPoint = "__ehdr_start")]
    private static extern void ElfHeader();

    /// <summary>
    /// The program headers: VeridianOS passes no auxiliary vector (docs/abi.md, "Processes"), so they are found through
    /// the ELF header, which the static linker maps at the image base and names <c>__ehdr_start</c> (e_phoff at 32,
    /// e_phnum at 56).
    /// </summary>
    public static byte* ProgramHeaders(nuint* auxv, nuint* count)
    {
        delegate*<void> header = &ElfHeader;
        var ehdr = (byte*)header;
        *count = *(ushort*)(ehdr + 56);
        return ehdr + *(ulong*)(ehdr + 32);
    }

    // --- Threads: the kernel's thread_create/exit/join and futexes (docs/abi.md, "Threads, scheduling and TLS").

    /// <summary>Handles (at most 16 per process) of threads that have begun to exit: the next spawn joins them, which frees them in the kernel.</summary>
    private struct HandleTable
    {
        public fixed int Exiting[16];
    }

    private static HandleTable s_handles;

    /// <summary>The calling thread's tid word (null: the main thread), which its exit clears and wakes, as Linux's CHILD_CLEARTID does.</summary>
    [System.ThreadStatic]
    private static int* t_tidWord;

    [DllImport("*", EntryPoint = "__relibc_exit_thread")]
    private static extern void ExitClearing(int* tid);

    [DllImport("*", EntryPoint = "__relibc_unmap_and_exit")]
    private static extern void UnmapAndExit(void* address, nuint length);

    /// <summary>Where a thread made by <see cref="SpawnThread"/> starts: its block on the new stack names the entry, its argument and the tid word.</summary>
    [UnmanagedCallersOnly]
    private static void ThreadStart(void* block)
    {
        var b = (nint*)block;
        var entry = (delegate* unmanaged<void*, void>)b[0];
        var argument = (void*)b[1];
        var tid = (int*)b[2];
        t_tidWord = tid;
        Volatile.Write(ref *tid, (int)ThreadId());
        entry(argument);
        ExitThread();
    }

    /// <summary>
    /// Starts a thread running <c>entry(arg)</c> on <paramref name="stackTop"/> with thread pointer <paramref name="tp"/>
    /// (thread_create, 40); its id (handle + 1) goes to <c>*tid</c>, which its exit clears and wakes. Returns the id or
    /// a negated errno (EAGAIN beyond the kernel's 16 threads per process).
    /// </summary>
    public static nint SpawnThread(void* stackTop, void* tp, int* tid, delegate* unmanaged<void*, void> entry, void* arg)
    {
        ReapExited();
        var block = (nint*)(((nuint)stackTop & ~(nuint)15) - 32);
        block[0] = (nint)entry;
        block[1] = (nint)arg;
        block[2] = (nint)tid;
        // Not 0 (exited) until the child or this thread stores the id: whichever is first; a child that has already
        // exited has cleared it, and the exchange leaves that 0.
        Volatile.Write(ref *tid, -1);
        delegate* unmanaged<void*, void> start = &ThreadStart;
        var h = Syscall.Call(Nr.ThreadCreate, (nint)start, (nint)block, (nint)block, (nint)tp);
        if (h < 0)
            return h;
        Interlocked.CompareExchange(ref *tid, (int)(h + 1), -1);
        return h + 1;
    }

    /// <summary>Joins (in the kernel) every thread that has begun to exit, so its handle can be reused; each is at most a few instructions from its end.</summary>
    private static void ReapExited()
    {
        fixed (int* exiting = s_handles.Exiting)
        {
            for (var h = 0; h < 16; h++)
            {
                if (Volatile.Read(ref exiting[h]) == 1 && Interlocked.CompareExchange(ref exiting[h], 0, 1) == 1)
                {
                    int status;
                    Syscall.Raw(Nr.ThreadJoin, h, (nint)(&status));
                }
            }
        }
    }

    /// <summary>Marks the calling thread's handle for <see cref="ReapExited"/> (its exit follows).</summary>
    private static void MarkExiting()
    {
        var h = Syscall.Raw(Nr.GetTid);
        if (h > 0 && h < 16)
        {
            fixed (int* exiting = s_handles.Exiting)
                Volatile.Write(ref exiting[h], 1);
        }
    }

    /// <summary>Ends the calling thread only (thread_exit, 41), clearing and waking its tid word on the way without touching its stack (thread.S).</summary>
    public static void ExitThread()
    {
        MarkExiting();
        for (;;)
            ExitClearing(t_tidWord);
    }

    /// <summary>Unmaps <paramref name="address"/> (which may hold the calling thread's own stack), then ends the thread (thread.S).</summary>
    public static void UnmapAndExitThread(void* address, nuint length)
    {
        MarkExiting();
        for (;;)
            UnmapAndExit(address, length);
    }

    /// <summary>Ends the process (every thread) with <paramref name="status"/> (exit, 11); does not return.</summary>
    public static void Exit(int status)
    {
        for (;;)
            Syscall.Call(Nr.Exit, status);
    }
}
