using System.Runtime.InteropServices;
using Relibc.Platform;

namespace Relibc.Header.Sys_Uio;

/// <summary>sys/uio.h (https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/sys_uio.h.html): struct iovec is { base, length }, the kernel's.</summary>
public static unsafe class Uio
{
    /// <summary>readv — https://pubs.opengroup.org/onlinepubs/9699919799/functions/readv.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "readv")]
    public static nint ReadV(int fd, void* iov, int count) => Errno.Errno.Result(Pal.ReadVector(fd, iov, count));

    /// <summary>writev — https://pubs.opengroup.org/onlinepubs/9699919799/functions/writev.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "writev")]
    public static nint WriteV(int fd, void* iov, int count) => Errno.Errno.Result(Pal.WriteVector(fd, iov, count));
}
