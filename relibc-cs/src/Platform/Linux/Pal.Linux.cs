using System.Runtime.InteropServices;
using Veridian.Intrinsics;

namespace Relibc.Platform;

/// <summary>
/// The platform layer on Linux (docs/relibc.md, "Backends"): each member is one OS service, returning its result or a
/// negated C errno value — never setting errno itself (<see cref="Relibc.Header.Errno.Errno.Result"/> does, at the C
/// boundary). The VeridianOS backend defines the same members in src/Platform/Veridian/.
/// </summary>
internal static unsafe partial class Pal
{
    private const int AtFdCwd = -100;

    public static nint Read(int fd, byte* buffer, nuint count) => Syscall.Call(Nr.Read, fd, (nint)buffer, (nint)count);

    public static nint Write(int fd, byte* buffer, nuint count) => Syscall.Call(Nr.Write, fd, (nint)buffer, (nint)count);

    public static nint Open(byte* path, int flags, int mode) => Syscall.Call(Nr.Openat, AtFdCwd, (nint)path, flags, mode);

    /// <summary>unlinkat: a file, or (<paramref name="directory"/>) an empty directory.</summary>
    public static nint Unlink(byte* path, bool directory) => Syscall.Call(Nr.Unlinkat, AtFdCwd, (nint)path, directory ? 0x200 : 0);

    public static nint Close(int fd) => Syscall.Call(Nr.Close, fd);

    public static nint Seek(int fd, long offset, int whence) => Syscall.Call(Nr.Lseek, fd, (nint)offset, whence);

    /// <summary>TCGETS into a termios buffer of at least 60 bytes: 0 when <paramref name="fd"/> is a terminal.</summary>
    public static nint TerminalAttributes(int fd, byte* termios) => Syscall.Call(Nr.Ioctl, fd, 0x5401, (nint)termios);

    /// <summary>A terminal ioctl (<paramref name="request"/> is Linux's number, the same on the three targets).</summary>
    public static nint TerminalControl(int fd, uint request, nint argument) => Syscall.Call(Nr.Ioctl, fd, (nint)request, argument);

    public static nint Map(void* address, nuint length, int protection, int flags, int fd, long offset) =>
        Syscall.Call(Nr.Mmap, (nint)address, (nint)length, protection, flags, fd, (nint)offset);

    public static nint Unmap(void* address, nuint length) => Syscall.Call(Nr.Munmap, (nint)address, (nint)length);

    /// <summary>clock_gettime of clock <paramref name="clock"/> (Linux's CLOCK_* numbers) into a struct timespec.</summary>
    public static nint ClockTime(int clock, Relibc.Header.Time.TimeSpec* result) => Syscall.Call(Nr.ClockGettime, clock, (nint)result);

    public static nint ProcessId() => Syscall.Call(Nr.Getpid);

    /// <summary>Sends <paramref name="signal"/> to the calling thread (what raise(3) does).</summary>
    public static nint RaiseSignal(int signal) => Syscall.Call(Nr.Tgkill, Syscall.Call(Nr.Getpid), Syscall.Call(Nr.Gettid), signal);

    /// <summary>Changes the protection of pages (mprotect(2)).</summary>
    public static nint Protect(void* address, nuint length, int protection) => Syscall.Call(Nr.Mprotect, (nint)address, (nint)length, protection);

    /// <summary>The calling thread's id (gettid(2)).</summary>
    public static nint ThreadId() => Syscall.Call(Nr.Gettid);

    /// <summary>Gives the processor to another thread (sched_yield(2)).</summary>
    public static nint Yield() => Syscall.Call(Nr.SchedYield);

    private const int FutexWaitOp = 0, FutexWakeOp = 1, FutexWaitBitset = 9, FutexPrivate = 128, FutexClockRealtime = 256;

    /// <summary>
    /// Sleeps while <c>*word == expected</c> (futex(2) FUTEX_WAIT_BITSET), until woken, a signal, or the absolute time
    /// <paramref name="deadline"/> on <paramref name="clock"/> (CLOCK_REALTIME 0 or CLOCK_MONOTONIC 1; null: no
    /// limit): 0, -EAGAIN (the word had changed), -EINTR or -ETIMEDOUT. <paramref name="shared"/>: the word may be
    /// woken by the kernel itself (a thread's exit clears and wakes its tid word without the private flag).
    /// </summary>
    public static nint FutexWait(int* word, int expected, bool shared, int clock, Relibc.Header.Time.TimeSpec* deadline) =>
        deadline == null
            ? Syscall.Call(Nr.Futex, (nint)word, FutexWaitOp | (shared ? 0 : FutexPrivate), expected)
            : Syscall.Call(Nr.Futex, (nint)word, FutexWaitBitset | (shared ? 0 : FutexPrivate) | (clock == 0 ? FutexClockRealtime : 0), expected,
                (nint)deadline, 0, -1);

    /// <summary>Wakes up to <paramref name="count"/> threads sleeping on <paramref name="word"/> (futex(2) FUTEX_WAKE).</summary>
    public static nint FutexWake(int* word, int count, bool shared) =>
        Syscall.Call(Nr.Futex, (nint)word, FutexWakeOp | (shared ? 0 : FutexPrivate), count);

    /// <summary>
    /// Sets the calling thread's thread pointer (x86_64: the %fs base, through arch_prctl(ARCH_SET_FS); aarch64:
    /// TPIDR_EL0; riscv64: tp — user registers on both).
    /// </summary>
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

    [DllImport("*", EntryPoint = "__relibc_clone")]
    private static extern nint Clone(nuint flags, void* stack, int* parentTid, void* tls, int* childTid, delegate* unmanaged<void*, void> entry, void* arg);

    // CLONE_VM | FS | FILES | SIGHAND | THREAD | SYSVSEM | SETTLS | PARENT_SETTID | CHILD_CLEARTID: a thread of this
    // process, with its own thread pointer, whose tid the kernel stores in *tid and clears (and wakes) at its exit.
    private const nuint ThreadFlags = 0x100 | 0x200 | 0x400 | 0x800 | 0x10000 | 0x40000 | 0x80000 | 0x100000 | 0x200000;

    /// <summary>
    /// Starts a thread running <c>entry(arg)</c> on <paramref name="stackTop"/> with thread pointer <paramref name="tp"/>
    /// (clone(2), through thread.S); its id goes to <c>*tid</c>, which the kernel zeroes and futex-wakes when the
    /// thread exits. Returns the id or a negated errno.
    /// </summary>
    public static nint SpawnThread(void* stackTop, void* tp, int* tid, delegate* unmanaged<void*, void> entry, void* arg) =>
        Clone(ThreadFlags, stackTop, tid, tp, tid, entry, arg);

    /// <summary>Ends the calling thread only (exit(2)); the process goes on while other threads run.</summary>
    public static void ExitThread()
    {
        for (;;)
            Syscall.Call(Nr.Exit, 0);
    }

    [DllImport("*", EntryPoint = "__relibc_unmap_and_exit")]
    private static extern void UnmapAndExit(void* address, nuint length);

    /// <summary>Unmaps <paramref name="address"/> (which may hold the calling thread's own stack), then ends the thread.</summary>
    public static void UnmapAndExitThread(void* address, nuint length)
    {
        // First tell the kernel not to clear the tid word at exit: it lies in the mapping, which another thread may
        // map again between the munmap and the exit.
        Syscall.Call(Nr.SetTidAddress, 0);
        for (;;)
            UnmapAndExit(address, length);
    }

    /// <summary>Ends the process (every thread) with <paramref name="status"/>; does not return.</summary>
    public static void Exit(int status)
    {
        for (;;)
            Syscall.Call(Nr.ExitGroup, status);
    }
}
