using Relibc.Header.Sys_Stat;

namespace Relibc.Platform;

/// <summary>
/// The VeridianOS backend's file-system and descriptor calls. The kernel offers the boot module's files read-only
/// (open, read, seek, stat of a descriptor, close) and the console on descriptors 0–2; everything that changes the
/// file tree, and pipes, is ENOSYS until the kernel has a file service.
/// </summary>
internal static unsafe partial class Pal
{
    private const int AtFdCwd = -100;

    /// <summary>openat: the kernel resolves every path from the root of the boot module, so only AT_FDCWD or an absolute path.</summary>
    public static nint OpenAt(int dirfd, byte* path, int flags, int mode) =>
        dirfd == AtFdCwd || path[0] == (byte)'/' ? Open(path, flags, mode) : -ENOSYS;

    public static nint Duplicate(int fd) => -ENOSYS;

    public static nint DuplicateTo(int fd, int target, int flags)
    {
        if (fd == target && flags == 0)
        {
            var k = stackalloc ulong[14];
            var r = Syscall.Call(Nr.Stat, fd, (nint)k);
            return r < 0 ? r : target;
        }
        return -ENOSYS;
    }

    public static nint Pipe(int* fds, int flags) => -ENOSYS;

    /// <summary>fcntl: F_GETFD/F_SETFD (no close-on-exec to keep: exec keeps every descriptor) and F_GETFL (the console O_RDWR, files O_RDONLY) of a valid descriptor; the rest ENOSYS.</summary>
    public static nint Control(int fd, int command, nint argument)
    {
        var k = stackalloc ulong[14];
        var r = Syscall.Call(Nr.Stat, fd, (nint)k);
        if (r < 0)
            return r;
        return command switch
        {
            1 or 2 => 0,
            3 => (*(uint*)((byte*)k + 16) & 0xF000) == 0x2000 ? 2 : 0,
            _ => -ENOSYS,
        };
    }

    /// <summary>pread from the descriptor's offset moved and put back (the kernel has no pread; not atomic against another thread's seek).</summary>
    public static nint ReadAt(int fd, byte* buffer, nuint count, long offset)
    {
        var saved = Syscall.Call(Nr.Seek, fd, 0, 1);
        if (saved < 0)
            return saved;
        var r = Syscall.Call(Nr.Seek, fd, (nint)offset, 0);
        if (r < 0)
            return r;
        r = Syscall.Call(Nr.Read, fd, (nint)buffer, (nint)count);
        Syscall.Call(Nr.Seek, fd, saved, 0);
        return r;
    }

    public static nint WriteAt(int fd, byte* buffer, nuint count, long offset) => -ENOSYS;

    public static nint Sync(int fd, bool dataOnly) => -ENOSYS;

    public static nint Truncate(int fd, long length) => -ENOSYS;

    public static nint TruncatePath(byte* path, long length) => -ENOSYS;

    /// <summary>getcwd: always "/" — the kernel resolves every path from the boot module's root and has no chdir.</summary>
    public static nint WorkingDirectory(byte* buffer, nuint size)
    {
        if (size < 2)
            return -34; // ERANGE
        buffer[0] = (byte)'/';
        buffer[1] = 0;
        return 2;
    }

    public static nint ChangeDirectory(byte* path) => -ENOSYS;

    public static nint ChangeDirectory(int fd) => -ENOSYS;

    public static nint MakeDirectory(int dirfd, byte* path, int mode) => -ENOSYS;

    public static nint MakeNode(int dirfd, byte* path, int mode, ulong device) => -ENOSYS;

    public static nint UnlinkAt(int dirfd, byte* path, int flags) => -ENOSYS;

    public static nint Link(int olddirfd, byte* oldPath, int newdirfd, byte* newPath, int flags) => -ENOSYS;

    public static nint SymbolicLink(byte* target, int dirfd, byte* path) => -ENOSYS;

    public static nint ReadLink(int dirfd, byte* path, byte* buffer, nuint size) => -ENOSYS;

    public static nint Rename(int olddirfd, byte* oldPath, int newdirfd, byte* newPath) => -ENOSYS;

    public static nint ChangeMode(int dirfd, byte* path, int mode) => -ENOSYS;

    public static nint ChangeMode(int fd, int mode) => -ENOSYS;

    /// <summary>access/faccessat: the file exists when it opens; the boot module is read-only (W_OK: EROFS) and its files are executable by exec.</summary>
    public static nint Access(int dirfd, byte* path, int mode)
    {
        var fd = OpenAt(dirfd, path, 0, 0);
        if (fd < 0)
            return fd;
        Close((int)fd);
        return (mode & 2) != 0 ? -EROFS : 0;
    }

    /// <summary>The umask XOR 022, so that the zero a static starts with is POSIX's usual 022.</summary>
    private static int s_umaskFlipped;

    /// <summary>umask: kept by the libc (nothing is created on VeridianOS yet); the previous mask.</summary>
    public static nint SetUmask(int mask)
    {
        var old = s_umaskFlipped ^ 0x12;
        s_umaskFlipped = (mask & 0x1FF) ^ 0x12;
        return old;
    }

    public static nint ReadDirectory(int fd, byte* buffer, nuint size) => -ENOSYS;

    /// <summary>fstatat: opened, stat'ed and closed (the kernel's stat takes a descriptor); a boot-module file has no links to follow.</summary>
    public static nint Status(int dirfd, byte* path, FileStatus* result, int flags)
    {
        var fd = OpenAt(dirfd, path, 0, 0);
        if (fd < 0)
            return fd;
        var r = Status((int)fd, result);
        Close((int)fd);
        return r;
    }

    /// <summary>fstat (stat, 55) into relibc-cs's <c>struct stat</c>, converted from the kernel's 112-byte layout (docs/abi.md).</summary>
    public static nint Status(int fd, FileStatus* s)
    {
        var k = stackalloc ulong[14];
        var r = Syscall.Call(Nr.Stat, fd, (nint)k);
        if (r < 0)
            return r;
        var b = (byte*)k;
        s->Device = *(ulong*)b;
        s->Inode = *(ulong*)(b + 8);
        s->Mode = *(uint*)(b + 16);
        s->Links = *(uint*)(b + 20);
        s->User = *(uint*)(b + 24);
        s->Group = *(uint*)(b + 28);
        s->SpecialDevice = *(ulong*)(b + 32);
        s->Size = *(long*)(b + 40);
        s->BlockSize = *(long*)(b + 48);
        s->Blocks = *(long*)(b + 56);
        s->Accessed.Seconds = *(long*)(b + 64);
        s->Accessed.Nanoseconds = *(long*)(b + 72);
        s->Modified.Seconds = *(long*)(b + 80);
        s->Modified.Nanoseconds = *(long*)(b + 88);
        s->Changed.Seconds = *(long*)(b + 96);
        s->Changed.Nanoseconds = *(long*)(b + 104);
        return 0;
    }
}
