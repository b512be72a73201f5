using System.Runtime.InteropServices;
using Relibc.Platform;
using static Relibc.Header.Sys_Stat.Stat;

namespace Relibc.Header.Unistd;

/// <summary>unistd.h's descriptor and file-system calls (https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/unistd.h.html).</summary>
public static unsafe class Files
{
    /// <summary>dup — https://pubs.opengroup.org/onlinepubs/9699919799/functions/dup.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "dup")]
    public static int Dup(int fd) => (int)Errno.Errno.Result(Pal.Duplicate(fd));

    /// <summary>dup2 — https://pubs.opengroup.org/onlinepubs/9699919799/functions/dup2.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "dup2")]
    public static int Dup2(int fd, int target) => (int)Errno.Errno.Result(Pal.DuplicateTo(fd, target, 0));

    /// <summary>pipe — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pipe.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pipe")]
    public static int Pipe(int* fds) => (int)Errno.Errno.Result(Pal.Pipe(fds, 0));

    /// <summary>pread — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pread.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pread")]
    public static nint PRead(int fd, void* buffer, nuint count, long offset) => Errno.Errno.Result(Pal.ReadAt(fd, (byte*)buffer, count, offset));

    /// <summary>pwrite — https://pubs.opengroup.org/onlinepubs/9699919799/functions/pwrite.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "pwrite")]
    public static nint PWrite(int fd, void* buffer, nuint count, long offset) => Errno.Errno.Result(Pal.WriteAt(fd, (byte*)buffer, count, offset));

    /// <summary>fsync — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fsync.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fsync")]
    public static int FSync(int fd) => (int)Errno.Errno.Result(Pal.Sync(fd, false));

    /// <summary>fdatasync — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fdatasync.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fdatasync")]
    public static int FDataSync(int fd) => (int)Errno.Errno.Result(Pal.Sync(fd, true));

    /// <summary>ftruncate — https://pubs.opengroup.org/onlinepubs/9699919799/functions/ftruncate.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "ftruncate")]
    public static int FTruncate(int fd, long length) => (int)Errno.Errno.Result(Pal.Truncate(fd, length));

    /// <summary>truncate — https://pubs.opengroup.org/onlinepubs/9699919799/functions/truncate.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "truncate")]
    public static int Truncate(byte* path, long length) => (int)Errno.Errno.Result(Pal.TruncatePath(path, length));

    /// <summary>getcwd — https://pubs.opengroup.org/onlinepubs/9699919799/functions/getcwd.html (EINVAL for size 0, ERANGE when it does not fit).</summary>
    [UnmanagedCallersOnly(EntryPoint = "getcwd")]
    public static byte* GetCwd(byte* buffer, nuint size)
    {
        if (size == 0)
        {
            Errno.Errno.Set(Errno.E.INVAL);
            return null;
        }
        return Errno.Errno.Result(Pal.WorkingDirectory(buffer, size)) < 0 ? null : buffer;
    }

    /// <summary>chdir — https://pubs.opengroup.org/onlinepubs/9699919799/functions/chdir.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "chdir")]
    public static int ChDir(byte* path) => (int)Errno.Errno.Result(Pal.ChangeDirectory(path));

    /// <summary>fchdir — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fchdir.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fchdir")]
    public static int FChDir(int fd) => (int)Errno.Errno.Result(Pal.ChangeDirectory(fd));

    /// <summary>unlinkat — https://pubs.opengroup.org/onlinepubs/9699919799/functions/unlinkat.html (AT_REMOVEDIR)</summary>
    [UnmanagedCallersOnly(EntryPoint = "unlinkat")]
    public static int UnlinkAt(int dirfd, byte* path, int flags) => (int)Errno.Errno.Result(Pal.UnlinkAt(dirfd, path, flags));

    /// <summary>link — https://pubs.opengroup.org/onlinepubs/9699919799/functions/link.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "link")]
    public static int Link(byte* existing, byte* path) => (int)Errno.Errno.Result(Pal.Link(AtFdCwd, existing, AtFdCwd, path, 0));

    /// <summary>linkat — https://pubs.opengroup.org/onlinepubs/9699919799/functions/linkat.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "linkat")]
    public static int LinkAt(int olddirfd, byte* existing, int newdirfd, byte* path, int flags) =>
        (int)Errno.Errno.Result(Pal.Link(olddirfd, existing, newdirfd, path, flags));

    /// <summary>symlink — https://pubs.opengroup.org/onlinepubs/9699919799/functions/symlink.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "symlink")]
    public static int SymLink(byte* target, byte* path) => (int)Errno.Errno.Result(Pal.SymbolicLink(target, AtFdCwd, path));

    /// <summary>symlinkat — https://pubs.opengroup.org/onlinepubs/9699919799/functions/symlinkat.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "symlinkat")]
    public static int SymLinkAt(byte* target, int dirfd, byte* path) => (int)Errno.Errno.Result(Pal.SymbolicLink(target, dirfd, path));

    /// <summary>readlink — https://pubs.opengroup.org/onlinepubs/9699919799/functions/readlink.html (not NUL-terminated; truncated to the buffer).</summary>
    [UnmanagedCallersOnly(EntryPoint = "readlink")]
    public static nint ReadLink(byte* path, byte* buffer, nuint size) => Errno.Errno.Result(Pal.ReadLink(AtFdCwd, path, buffer, size));

    /// <summary>readlinkat — https://pubs.opengroup.org/onlinepubs/9699919799/functions/readlinkat.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "readlinkat")]
    public static nint ReadLinkAt(int dirfd, byte* path, byte* buffer, nuint size) => Errno.Errno.Result(Pal.ReadLink(dirfd, path, buffer, size));

    /// <summary>access — https://pubs.opengroup.org/onlinepubs/9699919799/functions/access.html (R_OK 4, W_OK 2, X_OK 1, F_OK 0).</summary>
    [UnmanagedCallersOnly(EntryPoint = "access")]
    public static int Access(byte* path, int mode) => (int)Errno.Errno.Result(Pal.Access(AtFdCwd, path, mode));

    /// <summary>faccessat — https://pubs.opengroup.org/onlinepubs/9699919799/functions/faccessat.html (flags: not yet; EINVAL unless 0).</summary>
    [UnmanagedCallersOnly(EntryPoint = "faccessat")]
    public static int FAccessAt(int dirfd, byte* path, int mode, int flags)
    {
        if (flags != 0)
        {
            Errno.Errno.Set(Errno.E.INVAL);
            return -1;
        }
        return (int)Errno.Errno.Result(Pal.Access(dirfd, path, mode));
    }

    /// <summary>rename — C17 7.21.4.2, https://pubs.opengroup.org/onlinepubs/9699919799/functions/rename.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "rename")]
    public static int Rename(byte* from, byte* to) => (int)Errno.Errno.Result(Pal.Rename(AtFdCwd, from, AtFdCwd, to));

    /// <summary>renameat — https://pubs.opengroup.org/onlinepubs/9699919799/functions/renameat.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "renameat")]
    public static int RenameAt(int fromdir, byte* from, int todir, byte* to) => (int)Errno.Errno.Result(Pal.Rename(fromdir, from, todir, to));
}
