using System.Runtime.InteropServices;
using Relibc.Platform;
using Veridian.Interop;

namespace Relibc.Header.Fcntl;

/// <summary>
/// fcntl.h (https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/fcntl.h.html). The O_ values are relibc-cs's own,
/// the same on every target (Linux's generic numbering); a backend converts where its kernel differs (Linux on aarch64
/// numbers O_DIRECTORY and O_NOFOLLOW differently).
/// </summary>
public static unsafe class Fcntl
{
    public const int ReadOnly = 0, WriteOnly = 1, ReadWrite = 2, Create = 0x40, Exclusive = 0x80, Truncate = 0x200,
        Directory = 0x10000, NoFollow = 0x20000, CloseOnExec = 0x80000;
    public const int DupFd = 0, GetFd = 1, SetFd = 2, GetFl = 3, SetFl = 4, DupFdCloseOnExec = 1030;

    /// <summary>open — https://pubs.opengroup.org/onlinepubs/9699919799/functions/open.html (the mode argument is read only with O_CREAT).</summary>
    [UnmanagedCallersOnly(EntryPoint = "open")]
    public static int Open(byte* path, int flags, VaList args) =>
        (int)Errno.Errno.Result(Pal.OpenAt(Sys_Stat.Stat.AtFdCwd, path, flags, (flags & Create) != 0 ? args.NextInt32() : 0));

    /// <summary>openat — https://pubs.opengroup.org/onlinepubs/9699919799/functions/openat.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "openat")]
    public static int OpenAt(int dirfd, byte* path, int flags, VaList args) =>
        (int)Errno.Errno.Result(Pal.OpenAt(dirfd, path, flags, (flags & Create) != 0 ? args.NextInt32() : 0));

    /// <summary>creat — https://pubs.opengroup.org/onlinepubs/9699919799/functions/creat.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "creat")]
    public static int Creat(byte* path, uint mode) =>
        (int)Errno.Errno.Result(Pal.OpenAt(Sys_Stat.Stat.AtFdCwd, path, WriteOnly | Create | Truncate, (int)mode));

    /// <summary>
    /// fcntl — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fcntl.html: F_DUPFD, F_DUPFD_CLOEXEC,
    /// F_GETFD, F_SETFD, F_GETFL, F_SETFL (record locks: not yet, EINVAL).
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "fcntl")]
    public static int FControl(int fd, int command, VaList args)
    {
        switch (command)
        {
            case GetFd or GetFl:
                return (int)Errno.Errno.Result(Pal.Control(fd, command, 0));
            case DupFd or DupFdCloseOnExec or SetFd or SetFl:
                return (int)Errno.Errno.Result(Pal.Control(fd, command, args.NextInt32()));
            default:
                Errno.Errno.Set(Errno.E.INVAL);
                return -1;
        }
    }
}
