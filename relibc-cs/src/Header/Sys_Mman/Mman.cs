using System.Runtime.InteropServices;
using Relibc.Platform;

namespace Relibc.Header.Sys_Mman;

/// <summary>sys/mman.h (https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/sys_mman.h.html).</summary>
public static unsafe class Mman
{
    /// <summary>mmap — https://pubs.opengroup.org/onlinepubs/9699919799/functions/mmap.html (MAP_FAILED, (void*)-1, on error).</summary>
    [UnmanagedCallersOnly(EntryPoint = "mmap")]
    public static void* MMap(void* address, nuint length, int protection, int flags, int fd, long offset)
    {
        var r = Errno.Errno.Result(Pal.Map(address, length, protection, flags, fd, offset));
        return (void*)r;
    }

    /// <summary>munmap — https://pubs.opengroup.org/onlinepubs/9699919799/functions/munmap.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "munmap")]
    public static int MUnmap(void* address, nuint length) => (int)Errno.Errno.Result(Pal.Unmap(address, length));

    /// <summary>mprotect — https://pubs.opengroup.org/onlinepubs/9699919799/functions/mprotect.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "mprotect")]
    public static int MProtect(void* address, nuint length, int protection) => (int)Errno.Errno.Result(Pal.Protect(address, length, protection));

    /// <summary>msync — https://pubs.opengroup.org/onlinepubs/9699919799/functions/msync.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "msync")]
    public static int MSync(void* address, nuint length, int flags) => (int)Errno.Errno.Result(Pal.SyncMemory(address, length, flags));

    /// <summary>posix_madvise — https://pubs.opengroup.org/onlinepubs/9699919799/functions/posix_madvise.html (returns the error; POSIX_MADV_DONTNEED is only advice, so it is not passed on as Linux's destructive MADV_DONTNEED).</summary>
    [UnmanagedCallersOnly(EntryPoint = "posix_madvise")]
    public static int PosixMAdvise(void* address, nuint length, int advice)
    {
        if (advice is < 0 or > 4)
            return Errno.E.INVAL;
        if (advice == 4)
            return 0;
        var r = Pal.AdviseMemory(address, length, advice);
        return r < 0 ? (int)-r : 0;
    }
}
