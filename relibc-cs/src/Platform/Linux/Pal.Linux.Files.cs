using Relibc.Header.Sys_Stat;

namespace Relibc.Platform;

/// <summary>The Linux backend's file-system and descriptor calls (each returns its result or a negated errno).</summary>
internal static unsafe partial class Pal
{
    public static nint OpenAt(int dirfd, byte* path, int flags, int mode) => Syscall.Call(Nr.Openat, dirfd, (nint)path, KernelFlags(flags), mode);

    /// <summary>
    /// relibc-cs's O_ flags (Linux's generic numbering) to and from the kernel's: the same, except on aarch64, whose
    /// O_DIRECTORY, O_NOFOLLOW, O_DIRECT and O_LARGEFILE are bits 14–17 in another order (a swap, its own inverse).
    /// </summary>
    private static int KernelFlags(int flags)
    {
#if VERIDIAN_AARCH64
        const int Low = 0x4000 | 0x8000, High = 0x10000 | 0x20000;
        return (flags & ~(Low | High)) | ((flags & Low) << 2) | ((flags & High) >> 2);
#else
        return flags;
#endif
    }

    public static nint Duplicate(int fd) => Syscall.Call(Nr.Dup, fd);

    /// <summary>dup2 (dup3 with no flags; dup2 of a descriptor onto itself only checks it, as POSIX says).</summary>
    public static nint DuplicateTo(int fd, int target, int flags)
    {
        if (fd == target && flags == 0)
            return Syscall.Call(Nr.Fcntl, fd, 1 /* F_GETFD */) < 0 ? -Relibc.Header.Errno.E.BADF : target;
        return Syscall.Call(Nr.Dup3, fd, target, flags);
    }

    public static nint Pipe(int* fds, int flags) => Syscall.Call(Nr.Pipe2, (nint)fds, flags);

    /// <summary>fcntl(2); F_GETFL's result and F_SETFL's argument in relibc-cs's O_ numbering.</summary>
    public static nint Control(int fd, int command, nint argument)
    {
        var r = Syscall.Call(Nr.Fcntl, fd, command, command == 4 /* F_SETFL */ ? KernelFlags((int)argument) : argument);
        return command == 3 /* F_GETFL */ && r >= 0 ? KernelFlags((int)r) : r;
    }

    public static nint ReadAt(int fd, byte* buffer, nuint count, long offset) => Syscall.Call(Nr.Pread, fd, (nint)buffer, (nint)count, (nint)offset);

    public static nint WriteAt(int fd, byte* buffer, nuint count, long offset) => Syscall.Call(Nr.Pwrite, fd, (nint)buffer, (nint)count, (nint)offset);

    public static nint Sync(int fd, bool dataOnly) => Syscall.Call(dataOnly ? Nr.Fdatasync : Nr.Fsync, fd);

    public static nint Truncate(int fd, long length) => Syscall.Call(Nr.Ftruncate, fd, (nint)length);

    public static nint TruncatePath(byte* path, long length) => Syscall.Call(Nr.Truncate, (nint)path, (nint)length);

    public static nint WorkingDirectory(byte* buffer, nuint size) => Syscall.Call(Nr.Getcwd, (nint)buffer, (nint)size);

    public static nint ChangeDirectory(byte* path) => Syscall.Call(Nr.Chdir, (nint)path);

    public static nint ChangeDirectory(int fd) => Syscall.Call(Nr.Fchdir, fd);

    public static nint MakeDirectory(int dirfd, byte* path, int mode) => Syscall.Call(Nr.Mkdirat, dirfd, (nint)path, mode);

    public static nint MakeNode(int dirfd, byte* path, int mode, ulong device) => Syscall.Call(Nr.Mknodat, dirfd, (nint)path, mode, (nint)device);

    public static nint UnlinkAt(int dirfd, byte* path, int flags) => Syscall.Call(Nr.Unlinkat, dirfd, (nint)path, flags);

    public static nint Link(int olddirfd, byte* oldPath, int newdirfd, byte* newPath, int flags) =>
        Syscall.Call(Nr.Linkat, olddirfd, (nint)oldPath, newdirfd, (nint)newPath, flags);

    public static nint SymbolicLink(byte* target, int dirfd, byte* path) => Syscall.Call(Nr.Symlinkat, (nint)target, dirfd, (nint)path);

    public static nint ReadLink(int dirfd, byte* path, byte* buffer, nuint size) => Syscall.Call(Nr.Readlinkat, dirfd, (nint)path, (nint)buffer, (nint)size);

    public static nint Rename(int olddirfd, byte* oldPath, int newdirfd, byte* newPath) =>
        Syscall.Call(Nr.Renameat2, olddirfd, (nint)oldPath, newdirfd, (nint)newPath, 0);

    public static nint ChangeMode(int dirfd, byte* path, int mode) => Syscall.Call(Nr.Fchmodat, dirfd, (nint)path, mode);

    public static nint ChangeMode(int fd, int mode) => Syscall.Call(Nr.Fchmod, fd, mode);

    public static nint Access(int dirfd, byte* path, int mode) => Syscall.Call(Nr.Faccessat, dirfd, (nint)path, mode);

    public static nint SetUmask(int mask) => Syscall.Call(Nr.Umask, mask);

    public static nint ReadDirectory(int fd, byte* buffer, nuint size) => Syscall.Call(Nr.Getdents64, fd, (nint)buffer, (nint)size);

    /// <summary>fstatat into relibc-cs's <c>struct stat</c> (converted from the kernel's layout, which differs between x86_64 and the asm-generic architectures).</summary>
    public static nint Status(int dirfd, byte* path, FileStatus* result, int flags)
    {
        var k = stackalloc ulong[18];
        var r = Syscall.Call(Nr.Newfstatat, dirfd, (nint)path, (nint)k, flags);
        if (r < 0)
            return r;
        FromKernel((byte*)k, result);
        return 0;
    }

    public static nint Status(int fd, FileStatus* result)
    {
        var k = stackalloc ulong[18];
        var r = Syscall.Call(Nr.Fstat, fd, (nint)k);
        if (r < 0)
            return r;
        FromKernel((byte*)k, result);
        return 0;
    }

    private static void FromKernel(byte* k, FileStatus* s)
    {
        s->Device = *(ulong*)k;
        s->Inode = *(ulong*)(k + 8);
#if VERIDIAN_X86_64
        s->Links = *(ulong*)(k + 16);
        s->Mode = *(uint*)(k + 24);
        s->User = *(uint*)(k + 28);
        s->Group = *(uint*)(k + 32);
        s->SpecialDevice = *(ulong*)(k + 40);
        s->Size = *(long*)(k + 48);
        s->BlockSize = *(long*)(k + 56);
#else
        s->Mode = *(uint*)(k + 16);
        s->Links = *(uint*)(k + 20);
        s->User = *(uint*)(k + 24);
        s->Group = *(uint*)(k + 28);
        s->SpecialDevice = *(ulong*)(k + 32);
        s->Size = *(long*)(k + 48);
        s->BlockSize = *(int*)(k + 56);
#endif
        s->Blocks = *(long*)(k + 64);
        s->Accessed.Seconds = *(long*)(k + 72);
        s->Accessed.Nanoseconds = *(long*)(k + 80);
        s->Modified.Seconds = *(long*)(k + 88);
        s->Modified.Nanoseconds = *(long*)(k + 96);
        s->Changed.Seconds = *(long*)(k + 104);
        s->Changed.Nanoseconds = *(long*)(k + 112);
    }
}
