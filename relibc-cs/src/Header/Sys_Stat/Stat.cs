using System.Runtime.InteropServices;
using Relibc.Platform;

namespace Relibc.Header.Sys_Stat;

/// <summary>
/// <c>struct stat</c> (https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/sys_stat.h.html): one layout on every
/// target; a backend converts its kernel's (Linux's differs between x86_64 and the asm-generic architectures).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct FileStatus
{
    public ulong Device;
    public ulong Inode;
    public uint Mode;
    public uint Padding0;
    public ulong Links;
    public uint User;
    public uint Group;
    public ulong SpecialDevice;
    public long Size;
    public long BlockSize;
    public long Blocks;
    public Time.TimeSpec Accessed;
    public Time.TimeSpec Modified;
    public Time.TimeSpec Changed;
}

/// <summary>sys/stat.h's functions.</summary>
public static unsafe class Stat
{
    public const int AtFdCwd = -100, AtSymlinkNoFollow = 0x100, AtEmptyPath = 0x1000;

    /// <summary>stat — https://pubs.opengroup.org/onlinepubs/9699919799/functions/stat.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "stat")]
    public static int StatPath(byte* path, FileStatus* result) => (int)Errno.Errno.Result(Pal.Status(AtFdCwd, path, result, 0));

    /// <summary>lstat — https://pubs.opengroup.org/onlinepubs/9699919799/functions/lstat.html (a symbolic link itself).</summary>
    [UnmanagedCallersOnly(EntryPoint = "lstat")]
    public static int LStat(byte* path, FileStatus* result) => (int)Errno.Errno.Result(Pal.Status(AtFdCwd, path, result, AtSymlinkNoFollow));

    /// <summary>fstat — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fstat.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fstat")]
    public static int FStat(int fd, FileStatus* result) => (int)Errno.Errno.Result(Pal.Status(fd, result));

    /// <summary>fstatat — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fstatat.html (AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH).</summary>
    [UnmanagedCallersOnly(EntryPoint = "fstatat")]
    public static int FStatAt(int dirfd, byte* path, FileStatus* result, int flags) => (int)Errno.Errno.Result(Pal.Status(dirfd, path, result, flags));

    /// <summary>mkdir — https://pubs.opengroup.org/onlinepubs/9699919799/functions/mkdir.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "mkdir")]
    public static int MkDir(byte* path, uint mode) => (int)Errno.Errno.Result(Pal.MakeDirectory(AtFdCwd, path, (int)mode));

    /// <summary>mkdirat — https://pubs.opengroup.org/onlinepubs/9699919799/functions/mkdirat.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "mkdirat")]
    public static int MkDirAt(int dirfd, byte* path, uint mode) => (int)Errno.Errno.Result(Pal.MakeDirectory(dirfd, path, (int)mode));

    /// <summary>mkfifo — https://pubs.opengroup.org/onlinepubs/9699919799/functions/mkfifo.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "mkfifo")]
    public static int MkFifo(byte* path, uint mode) => (int)Errno.Errno.Result(Pal.MakeNode(AtFdCwd, path, (int)((mode & 0xFFF) | 0x1000), 0));

    /// <summary>mkfifoat — https://pubs.opengroup.org/onlinepubs/9699919799/functions/mkfifoat.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "mkfifoat")]
    public static int MkFifoAt(int dirfd, byte* path, uint mode) => (int)Errno.Errno.Result(Pal.MakeNode(dirfd, path, (int)((mode & 0xFFF) | 0x1000), 0));

    /// <summary>mknod — https://pubs.opengroup.org/onlinepubs/9699919799/functions/mknod.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "mknod")]
    public static int MkNod(byte* path, uint mode, ulong device) => (int)Errno.Errno.Result(Pal.MakeNode(AtFdCwd, path, (int)mode, device));

    /// <summary>mknodat — https://pubs.opengroup.org/onlinepubs/9699919799/functions/mknodat.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "mknodat")]
    public static int MkNodAt(int dirfd, byte* path, uint mode, ulong device) => (int)Errno.Errno.Result(Pal.MakeNode(dirfd, path, (int)mode, device));

    /// <summary>chmod — https://pubs.opengroup.org/onlinepubs/9699919799/functions/chmod.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "chmod")]
    public static int ChMod(byte* path, uint mode) => (int)Errno.Errno.Result(Pal.ChangeMode(AtFdCwd, path, (int)mode));

    /// <summary>fchmod — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fchmod.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fchmod")]
    public static int FChMod(int fd, uint mode) => (int)Errno.Errno.Result(Pal.ChangeMode(fd, (int)mode));

    /// <summary>fchmodat — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fchmodat.html (flags must be 0: Linux cannot change a link's own mode; EOPNOTSUPP otherwise).</summary>
    [UnmanagedCallersOnly(EntryPoint = "fchmodat")]
    public static int FChModAt(int dirfd, byte* path, uint mode, int flags)
    {
        if (flags != 0)
        {
            Errno.Errno.Set(flags == AtSymlinkNoFollow ? Errno.E.OPNOTSUPP : Errno.E.INVAL);
            return -1;
        }
        return (int)Errno.Errno.Result(Pal.ChangeMode(dirfd, path, (int)mode));
    }

    /// <summary>umask — https://pubs.opengroup.org/onlinepubs/9699919799/functions/umask.html (the previous mask; cannot fail).</summary>
    [UnmanagedCallersOnly(EntryPoint = "umask")]
    public static uint UMask(uint mask) => (uint)Pal.SetUmask((int)(mask & 0x1FF));
}
