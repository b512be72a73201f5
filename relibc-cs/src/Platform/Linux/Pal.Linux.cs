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

    public static nint Map(void* address, nuint length, int protection, int flags, int fd, long offset) =>
        Syscall.Call(Nr.Mmap, (nint)address, (nint)length, protection, flags, fd, (nint)offset);

    public static nint Unmap(void* address, nuint length) => Syscall.Call(Nr.Munmap, (nint)address, (nint)length);

    /// <summary>clock_gettime of clock <paramref name="clock"/> (Linux's CLOCK_* numbers) into a struct timespec.</summary>
    public static nint ClockTime(int clock, Relibc.Header.Time.TimeSpec* result) => Syscall.Call(Nr.ClockGettime, clock, (nint)result);

    public static nint ProcessId() => Syscall.Call(Nr.Getpid);

    /// <summary>Sends <paramref name="signal"/> to the calling thread (what raise(3) does).</summary>
    public static nint RaiseSignal(int signal) => Syscall.Call(Nr.Tgkill, Syscall.Call(Nr.Getpid), Syscall.Call(Nr.Gettid), signal);

    /// <summary>Ends the process (every thread) with <paramref name="status"/>; does not return.</summary>
    public static void Exit(int status)
    {
        for (;;)
            Syscall.Call(Nr.ExitGroup, status);
    }
}
