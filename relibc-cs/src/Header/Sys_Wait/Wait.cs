using System.Runtime.InteropServices;
using Relibc.Platform;

namespace Relibc.Header.Sys_Wait;

/// <summary>sys/wait.h (https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/sys_wait.h.html); the status encoding is Linux's, which the W* macros of the header read.</summary>
public static unsafe class Wait
{
    /// <summary>wait — https://pubs.opengroup.org/onlinepubs/9699919799/functions/wait.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "wait")]
    public static int WaitAny(int* status) => (int)Errno.Errno.Result(Pal.Wait(-1, status, 0));

    /// <summary>waitpid — https://pubs.opengroup.org/onlinepubs/9699919799/functions/waitpid.html (WNOHANG 1, WUNTRACED 2, WCONTINUED 8).</summary>
    [UnmanagedCallersOnly(EntryPoint = "waitpid")]
    public static int WaitPid(int pid, int* status, int options) => (int)Errno.Errno.Result(Pal.Wait(pid, status, options));
}
