using System.Runtime.InteropServices;
using Relibc.Platform;

namespace Relibc.Header.Sys_Mman;

/// <summary>sys/mman.h (https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/sys_mman.h.html): mmap, munmap, mprotect.</summary>
public static unsafe class Mman
{
    /// <summary>mmap — https://pubs.opengroup.org/onlinepubs/9699919799/functions/mmap.html (MAP_FAILED, i.e. -1, and errno on failure).</summary>
    [UnmanagedCallersOnly(EntryPoint = "mmap")]
    public static void* MMap(void* address, nuint length, int protection, int flags, int fd, long offset) =>
        (void*)Errno.Errno.Result(Pal.Map(address, length, protection, flags, fd, offset));

    /// <summary>munmap — https://pubs.opengroup.org/onlinepubs/9699919799/functions/munmap.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "munmap")]
    public static int MUnmap(void* address, nuint length) => (int)Errno.Errno.Result(Pal.Unmap(address, length));

    /// <summary>mprotect — https://pubs.opengroup.org/onlinepubs/9699919799/functions/mprotect.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "mprotect")]
    public static int MProtect(void* address, nuint length, int protection) => (int)Errno.Errno.Result(Pal.Protect(address, length, protection));
}
