using System.Runtime.InteropServices;
using Relibc.Platform;

namespace Relibc.Header.Unistd;

/// <summary>unistd.h (https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/unistd.h.html), the calls relibc has so far.</summary>
public static unsafe class Unistd
{
    /// <summary>write — https://pubs.opengroup.org/onlinepubs/9699919799/functions/write.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "write")]
    public static nint Write(int fd, void* buffer, nuint count) => Errno.Errno.Result(Pal.Write(fd, (byte*)buffer, count));

    /// <summary>read — https://pubs.opengroup.org/onlinepubs/9699919799/functions/read.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "read")]
    public static nint Read(int fd, void* buffer, nuint count) => Errno.Errno.Result(Pal.Read(fd, (byte*)buffer, count));

    /// <summary>close — https://pubs.opengroup.org/onlinepubs/9699919799/functions/close.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "close")]
    public static int Close(int fd) => (int)Errno.Errno.Result(Pal.Close(fd));

    /// <summary>lseek — https://pubs.opengroup.org/onlinepubs/9699919799/functions/lseek.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "lseek")]
    public static long LSeek(int fd, long offset, int whence) => Errno.Errno.Result(Pal.Seek(fd, offset, whence));

    /// <summary>unlink — https://pubs.opengroup.org/onlinepubs/9699919799/functions/unlink.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "unlink")]
    public static int Unlink(byte* path) => (int)Errno.Errno.Result(Pal.Unlink(path, false));

    /// <summary>rmdir — https://pubs.opengroup.org/onlinepubs/9699919799/functions/rmdir.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "rmdir")]
    public static int RmDir(byte* path) => (int)Errno.Errno.Result(Pal.Unlink(path, true));

    /// <summary>getpid — https://pubs.opengroup.org/onlinepubs/9699919799/functions/getpid.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "getpid")]
    public static int GetPid() => (int)Pal.ProcessId();

    /// <summary>isatty — https://pubs.opengroup.org/onlinepubs/9699919799/functions/isatty.html (ENOTTY when not a terminal).</summary>
    [UnmanagedCallersOnly(EntryPoint = "isatty")]
    public static int IsATty(int fd)
    {
        var termios = stackalloc byte[64];
        return Errno.Errno.Result(Pal.TerminalAttributes(fd, termios)) == 0 ? 1 : 0;
    }

    /// <summary>_exit — https://pubs.opengroup.org/onlinepubs/9699919799/functions/_exit.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "_exit")]
    public static void Exit(int status) => Pal.Exit(status);
}
